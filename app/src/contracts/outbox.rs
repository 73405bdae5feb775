//! The outbox's messages that could not be sent, for managers: `ListDeadMessages`
//! (`GET /api/outbox/dead`) and `RetryMessage` (`POST /api/outbox/{id}/retry`), which
//! sends one again from its first try.

use crate::contracts::rules::{required_text, verdict};
use chrono::{DateTime, Utc};
use mediator::{FieldError, Request, RequestKind};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Most dead messages listed, newest first.
pub const MAX_DEAD_LISTED: usize = 200;
/// The longest message id.
pub const MAX_MESSAGE_ID_LEN: usize = 100;

/// The messages the outbox gave up on, newest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ListDeadMessages;

impl Request for ListDeadMessages {
    type Response = Vec<DeadMessage>;
    const KIND: RequestKind = RequestKind::Query;
}

/// A message that was tried until the outbox gave up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DeadMessage {
    /// `<event position>-<kind>`, the same on every try.
    pub id: String,
    /// `order_confirmed`, `order_status`, `kitchen_new_order`, or `cloud_event` (a domain
    /// event for the CloudEvents sink).
    pub kind: String,
    /// The order it is about; none for a published event of another stream (a pizza's).
    pub order_id: Option<Uuid>,
    /// The customer's phone number, `kitchen`, or `cloudevents` (the sink).
    pub to: String,
    /// What it says; for a published event, its type and subject.
    pub text: String,
    pub attempts: u32,
    /// Why the last try failed.
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Sends a dead message again, from its first try.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RetryMessage {
    pub id: String,
}

impl Request for RetryMessage {
    type Response = MessageRetried;
    const KIND: RequestKind = RequestKind::Command;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        required_text(&mut errors, "id", &self.id, MAX_MESSAGE_ID_LEN);
        verdict(errors)
    }
}

/// The message is waiting to be sent again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MessageRetried {
    pub id: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::testing::failing_fields;

    #[test]
    fn a_retry_names_a_message() {
        let retry = |id: &str| failing_fields(RetryMessage { id: id.into() }.validate());
        assert!(retry("12-order_confirmed").is_empty());
        assert_eq!(retry("  "), ["id"]);
        assert_eq!(retry(&"x".repeat(MAX_MESSAGE_ID_LEN + 1)), ["id"]);
    }
}
