//! The event log for other services: `ListIntegrationEvents` (`GET /api/events`) pages
//! through every domain event, oldest first, each as a CloudEvent 1.0 in its structured
//! JSON form. A consumer keeps the `id` of the last event it handled and asks for the
//! events after it.

use crate::contracts::rules::verdict;
use chrono::{DateTime, Utc};
use mediator::{FieldError, Request, RequestKind};
use serde::{Deserialize, Serialize};

/// Events per page when a query does not say.
pub const DEFAULT_EVENT_PAGE: u32 = 100;
/// Most events one page may hold.
pub const MAX_EVENT_PAGE: u32 = 1_000;

/// The events after position `after`, at most `limit` of them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct ListIntegrationEvents {
    /// The `id` of the last event already handled; 0 (the default) for the first page.
    #[serde(default)]
    pub after: i64,
    /// 1 to [`MAX_EVENT_PAGE`], [`DEFAULT_EVENT_PAGE`] by default.
    #[serde(default = "default_event_page")]
    pub limit: u32,
}

fn default_event_page() -> u32 {
    DEFAULT_EVENT_PAGE
}

impl Request for ListIntegrationEvents {
    type Response = IntegrationEvents;
    const KIND: RequestKind = RequestKind::Query;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.after < 0 {
            errors.push(FieldError::new(
                "after",
                "Give the id of the last event you have, or 0.",
            ));
        }
        if !(1..=MAX_EVENT_PAGE).contains(&self.limit) {
            let message = format!("A page holds 1 to {MAX_EVENT_PAGE} events.");
            errors.push(FieldError::new("limit", message));
        }
        verdict(errors)
    }
}

/// A page of the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct IntegrationEvents {
    /// Oldest first; fewer than `limit` when the log ends.
    pub events: Vec<CloudEvent>,
    /// What to send as `after` for the next page: the last event's position, or the
    /// `after` asked when the page is empty.
    pub next_after: i64,
}

/// One domain event as a CloudEvent 1.0 (structured JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CloudEvent {
    /// Always `1.0`.
    pub specversion: String,
    /// The event's position in the log, as text: unique, and increasing in log order.
    pub id: String,
    /// Where the event comes from: `/pizzeria`.
    pub source: String,
    /// `pizzeria.<aggregate>.<what happened>.v<payload version>`, such as
    /// `pizzeria.order.placed.v1`.
    #[serde(rename = "type")]
    pub event_type: String,
    /// When it happened (RFC 3339).
    pub time: DateTime<Utc>,
    /// The aggregate it happened to: an order's id, a pizza's id, an ingredient.
    pub subject: String,
    /// Always `application/json`.
    pub datacontenttype: String,
    /// The event's payload, as stored.
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub data: serde_json::Value,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::testing::failing_fields;

    fn fields(after: i64, limit: u32) -> Vec<String> {
        failing_fields(ListIntegrationEvents { after, limit }.validate())
    }

    #[test]
    fn a_page_starts_at_zero_or_after_and_holds_one_to_a_thousand_events() {
        assert!(fields(0, 1).is_empty());
        assert!(fields(41, MAX_EVENT_PAGE).is_empty());
        assert_eq!(fields(-1, 100), ["after"]);
        assert_eq!(fields(0, 0), ["limit"]);
        assert_eq!(fields(0, MAX_EVENT_PAGE + 1), ["limit"]);
    }

    #[test]
    fn a_cloud_event_calls_its_type_field_type() {
        let event = CloudEvent {
            specversion: "1.0".into(),
            id: "7".into(),
            source: "/pizzeria".into(),
            event_type: "pizzeria.order.placed.v1".into(),
            time: DateTime::UNIX_EPOCH,
            subject: "o-1".into(),
            datacontenttype: "application/json".into(),
            data: serde_json::json!({"total": "9.99"}),
        };

        let json = serde_json::to_value(&event).unwrap();

        assert_eq!(json["type"], "pizzeria.order.placed.v1");
        assert_eq!(json["time"], "1970-01-01T00:00:00Z");
        assert!(json.get("event_type").is_none());
    }
}
