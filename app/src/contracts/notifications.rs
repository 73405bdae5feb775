//! A signed-in customer's notification inbox: one [`Notification`] per status change of
//! each order they placed while signed in, which they read and dismiss.
//! `ListMyNotifications`, `MarkNotificationRead`, `DismissNotification`.

use crate::contracts::OrderStatus;
use crate::contracts::rules::verdict;
use chrono::{DateTime, Utc};
use mediator::{FieldError, Request, RequestKind};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Most notifications one inbox answer holds: the unread first, then the newest.
pub const INBOX_LIMIT: u32 = 50;

/// The caller's inbox, not counting what they dismissed. With `min_position` (a
/// [`NotificationChanged::position`], or the position of an order update the page saw)
/// it waits until the inbox includes that event.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct ListMyNotifications {
    #[serde(default)]
    pub min_position: Option<i64>,
}

impl Request for ListMyNotifications {
    type Response = Inbox;
    const KIND: RequestKind = RequestKind::Query;
}

/// The notifications of an inbox (at most [`INBOX_LIMIT`], unread first, newest first
/// within each) and how many are unread in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Inbox {
    pub notifications: Vec<Notification>,
    pub unread: u32,
}

/// One status change of one of the customer's orders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Notification {
    /// The position of the order event it tells of: unique, and the id its routes take.
    pub id: i64,
    pub order_id: Uuid,
    pub status: OrderStatus,
    /// What happened, in words (with the driver or the cancellation reason).
    pub text: String,
    pub at: DateTime<Utc>,
    pub read: bool,
}

/// Marks one of the caller's notifications read; already read is no change.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MarkNotificationRead {
    pub id: i64,
}

impl Request for MarkNotificationRead {
    type Response = NotificationChanged;
    const KIND: RequestKind = RequestKind::Command;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        check_id(self.id)
    }
}

/// Takes one of the caller's notifications out of their inbox for good; already
/// dismissed is no change.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DismissNotification {
    pub id: i64,
}

impl Request for DismissNotification {
    type Response = NotificationChanged;
    const KIND: RequestKind = RequestKind::Command;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        check_id(self.id)
    }
}

/// A notification as a command left it. `position` is the event that recorded the
/// change (or, when nothing changed, the one it already showed): list the inbox with it
/// as `min_position` to see the change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NotificationChanged {
    pub id: i64,
    pub read: bool,
    pub dismissed: bool,
    pub position: i64,
}

fn check_id(id: i64) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    if id < 1 {
        errors.push(FieldError::new(
            "id",
            "A notification id is a positive number.",
        ));
    }
    verdict(errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_below_one_is_refused_naming_the_field() {
        assert_eq!(MarkNotificationRead { id: 1 }.validate(), Ok(()));
        let errors = DismissNotification { id: 0 }.validate().unwrap_err();
        assert_eq!(errors[0].field, "id");
        assert!(MarkNotificationRead { id: -5 }.validate().is_err());
    }
}
