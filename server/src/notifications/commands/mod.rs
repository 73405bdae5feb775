//! The notifications slice's commands, one per file, and the steps they share
//! (`change.rs`).

mod change;
mod dismiss_notification;
mod mark_notification_read;

pub(crate) use dismiss_notification::DismissNotificationHandler;
pub(crate) use mark_notification_read::MarkNotificationReadHandler;
