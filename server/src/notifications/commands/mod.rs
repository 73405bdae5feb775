//! The notifications slice's commands, one per file, and the handler they share
//! (`change.rs`).

mod change;
mod dismiss_notification;
mod mark_notification_read;

pub(crate) use change::ChangeHandler;
