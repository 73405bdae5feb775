//! Domain events of the notifications slice: [`InboxEvent`], what a customer did with
//! their inbox. Stream: `inbox-<username>`.

use crate::events::DomainEvent;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The stream of one customer's inbox.
pub(crate) fn inbox_stream(username: &str) -> String {
    format!("{}{username}", InboxEvent::STREAM_PREFIX)
}

/// The customer read notification `notification_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct NotificationRead {
    pub username: String,
    pub notification_id: i64,
    pub at: DateTime<Utc>,
}

/// The customer took notification `notification_id` out of their inbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct NotificationDismissed {
    pub username: String,
    pub notification_id: i64,
    pub at: DateTime<Utc>,
}

/// Everything a customer can do with their inbox; stored with the variant's name as
/// `event_type` (see [`DomainEvent`]).
// The variants' names are the stored event types, which never change.
#[allow(clippy::enum_variant_names)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event_type", content = "payload")]
pub(crate) enum InboxEvent {
    NotificationRead(NotificationRead),
    NotificationDismissed(NotificationDismissed),
}

impl mediator::Event for InboxEvent {}

impl DomainEvent for InboxEvent {
    const STREAM_PREFIX: &'static str = "inbox-";

    fn stream_id(&self) -> String {
        match self {
            Self::NotificationRead(e) => inbox_stream(&e.username),
            Self::NotificationDismissed(e) => inbox_stream(&e.username),
        }
    }

    fn occurred_at(&self) -> DateTime<Utc> {
        match self {
            Self::NotificationRead(e) => e.at,
            Self::NotificationDismissed(e) => e.at,
        }
    }
}
