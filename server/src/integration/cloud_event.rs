//! A stored event as a CloudEvent 1.0: its position is the `id`, its stream names the
//! `subject` and, with the event's name, the `type` (`pizzeria.order.placed.v1`).

use crate::db::DbError;
use crate::events::StoredEvent;
use app::contracts::CloudEvent;

/// The `source` of every event the shop publishes.
pub(crate) const SOURCE: &str = "/pizzeria";

/// `event` as other services read it; an error for a payload that is not JSON.
pub(crate) fn cloud_event(event: StoredEvent) -> Result<CloudEvent, DbError> {
    let (aggregate, subject) = event
        .stream_id
        .split_once('-')
        .unwrap_or((event.stream_id.as_str(), ""));
    let data = serde_json::from_str(&event.payload).map_err(|_| DbError::Corrupt {
        column: "events.payload",
        value: format!("{} at position {}", event.event_type, event.position),
    })?;
    Ok(CloudEvent {
        specversion: "1.0".into(),
        id: event.position.to_string(),
        source: SOURCE.into(),
        event_type: type_of(aggregate, &event.event_type, event.schema_version),
        time: event.recorded_at,
        subject: subject.to_owned(),
        datacontenttype: "application/json".into(),
        data,
    })
}

/// `pizzeria.<aggregate>.<what happened>.v<version>`: the event's name in snake case,
/// without the aggregate's name when it starts with it (`OrderPlaced` of an order is
/// `placed`, `CookingStarted` is `cooking_started`).
fn type_of(aggregate: &str, event_type: &str, version: i64) -> String {
    let words = snake_case(event_type);
    let what = words
        .strip_prefix(aggregate)
        .and_then(|rest| rest.strip_prefix('_'))
        .unwrap_or(&words);
    format!("pizzeria.{aggregate}.{what}.v{version}")
}

/// `OutForDelivery` → `out_for_delivery`.
fn snake_case(name: &str) -> String {
    let mut words = String::with_capacity(name.len() + 4);
    for (index, letter) in name.chars().enumerate() {
        if letter.is_ascii_uppercase() && index > 0 {
            words.push('_');
        }
        words.push(letter.to_ascii_lowercase());
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    #[test]
    fn a_type_names_the_aggregate_and_what_happened_to_it_once() {
        let cases = [
            ("order", "OrderPlaced", "pizzeria.order.placed.v1"),
            (
                "order",
                "CookingStarted",
                "pizzeria.order.cooking_started.v1",
            ),
            (
                "order",
                "OrderOutForDelivery",
                "pizzeria.order.out_for_delivery.v1",
            ),
            ("payment", "PaymentCaptured", "pizzeria.payment.captured.v1"),
            (
                "payment",
                "CashCollected",
                "pizzeria.payment.cash_collected.v1",
            ),
            ("pizza", "PizzaAdded", "pizzeria.pizza.added.v1"),
            (
                "inventory",
                "PizzaSoldOut",
                "pizzeria.inventory.pizza_sold_out.v1",
            ),
            (
                "pricing",
                "ShopPricingChanged",
                "pizzeria.pricing.shop_pricing_changed.v1",
            ),
        ];
        for (aggregate, event_type, expected) in cases {
            assert_eq!(type_of(aggregate, event_type, 1), expected);
        }
        assert_eq!(
            type_of("order", "OrderPlaced", 2),
            "pizzeria.order.placed.v2"
        );
    }

    #[test]
    fn an_event_keeps_its_position_stream_time_and_payload() {
        let stored = StoredEvent {
            position: 42,
            stream_id: "order-0b7e8c3a-6f0e-4f43-9a51-d1c6f1c1a001".into(),
            stream_version: 1,
            event_type: "OrderPlaced".into(),
            schema_version: 1,
            payload: r#"{"total_amount":"21.48"}"#.into(),
            recorded_at: DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
        };

        let event = cloud_event(stored.clone()).unwrap();

        assert_eq!(event.id, "42");
        assert_eq!(event.subject, "0b7e8c3a-6f0e-4f43-9a51-d1c6f1c1a001");
        assert_eq!(event.event_type, "pizzeria.order.placed.v1");
        assert_eq!(event.time, stored.recorded_at);
        assert_eq!(event.data["total_amount"], "21.48");
        let broken = StoredEvent {
            payload: "{".into(),
            ..stored
        };
        assert!(cloud_event(broken).is_err());
    }
}
