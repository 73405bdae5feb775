//! The notifications slice's read model.

mod notification_inbox_view;

pub(crate) use notification_inbox_view::NotificationInboxView;
