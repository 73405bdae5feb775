//! Notifications slice: a signed-in customer's inbox. Each status change of an order they
//! placed while signed in becomes a notification, through a projection of the order
//! events (`NotificationInboxView`); reading and dismissing one are commands that
//! record [`InboxEvent`]s, which the same projection applies.

mod commands;
mod events;
mod queries;
mod text;
mod views;

pub(crate) use commands::ChangeHandler as NotificationChangeHandler;
pub(crate) use events::InboxEvent;
pub(crate) use queries::ListMyNotificationsHandler;
pub(crate) use text::notification_text;
pub(crate) use views::NotificationInboxView;
