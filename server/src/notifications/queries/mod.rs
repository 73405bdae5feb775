//! The notifications slice's queries, one per file.

mod list_my_notifications;

pub(crate) use list_my_notifications::ListMyNotificationsHandler;
