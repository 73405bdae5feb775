//! `DismissNotification`: the signed-in customer takes one of their notifications out of
//! their inbox; records `NotificationDismissed` unless it was dismissed already. Handled
//! in `change.rs`.

use crate::notifications::commands::change::{Change, NotificationChange};
use app::contracts::DismissNotification;

impl NotificationChange for DismissNotification {
    const CHANGE: Change = Change::Dismiss;

    fn id(&self) -> i64 {
        self.id
    }
}
