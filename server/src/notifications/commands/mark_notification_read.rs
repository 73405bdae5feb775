//! `MarkNotificationRead`: the signed-in customer read one of their notifications;
//! records `NotificationRead` unless it was read (or dismissed) already. Handled in
//! `change.rs`.

use crate::notifications::commands::change::{Change, NotificationChange};
use app::contracts::MarkNotificationRead;

impl NotificationChange for MarkNotificationRead {
    const CHANGE: Change = Change::Read;

    fn id(&self) -> i64 {
        self.id
    }
}
