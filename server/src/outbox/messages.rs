//! What is sent for an order event: the seed's confirmation to the customer ("Order
//! 1a2b3c4d confirmed! Total: $21.48. Ready by: 19:05 CET") and a new-order message to
//! the kitchen when it is placed, and each later status change to the customer. Times
//! are on the shop's clock (its time zone). With a CloudEvents sink
//! configured, every domain event is also an [`Outgoing`] row of its own
//! ([`published`]), sent to the sink alone.

use crate::db::DbError;
use crate::events::StoredEvent;
use crate::integration::cloud_event;
use crate::notifications::notification_text;
use crate::orders::{OrderEvent, OrderPlaced};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Who the kitchen's messages go to.
pub(crate) const KITCHEN: &str = "kitchen";
/// The kind of a domain event published as a CloudEvent.
pub(crate) const CLOUD_EVENT: &str = "cloud_event";
/// Who a published event goes to: the CloudEvents sink.
pub(crate) const SINK: &str = "cloudevents";

/// One row for the outbox, as [`enqueue`](crate::outbox::store::enqueue) stores it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Outgoing {
    /// `<event position>-<kind>`.
    pub id: String,
    pub kind: &'static str,
    /// What it is about: the order's id, or a published event's subject (stored in the
    /// `order_id` column).
    pub subject: String,
    /// A phone number, [`KITCHEN`] or [`SINK`].
    pub to: String,
    /// What is sent, as it is sent (JSON).
    pub body: String,
}

impl Message {
    /// The row that stores this message.
    pub(crate) fn outgoing(&self) -> Result<Outgoing, DbError> {
        Ok(Outgoing {
            id: self.id.clone(),
            kind: self.kind,
            subject: self.order_id.to_string(),
            to: self.to.clone(),
            body: to_json(self)?,
        })
    }
}

/// `event` as a CloudEvent in structured JSON, for the sink.
pub(crate) fn published(event: &StoredEvent) -> Result<Outgoing, DbError> {
    let published = cloud_event(event.clone())?;
    Ok(Outgoing {
        id: format!("{}-{CLOUD_EVENT}", event.position),
        kind: CLOUD_EVENT,
        subject: published.subject.clone(),
        to: SINK.to_owned(),
        body: to_json(&published)?,
    })
}

fn to_json(value: &impl Serialize) -> Result<String, DbError> {
    serde_json::to_string(value).map_err(|error| DbError::Corrupt {
        column: "outbox.body",
        value: error.to_string(),
    })
}

/// What a stored message says and to whom, read back from its JSON.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct Addressed {
    pub to: String,
    #[serde(default)]
    pub email: Option<String>,
    pub text: String,
}

/// Who an order's customer messages go to: the phone number the order was placed with,
/// and the e-mail address of the account that placed it, if one did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Recipient {
    pub phone: String,
    pub email: Option<String>,
}

/// One message to send, as the channels send it (JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Message {
    /// `<event position>-<kind>`: the same each time it is sent, for receivers to drop
    /// repeats by.
    pub id: String,
    pub kind: &'static str,
    pub order_id: Uuid,
    /// The customer's phone number, or [`KITCHEN`].
    pub to: String,
    /// The customer's e-mail address, when an account placed the order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    pub text: String,
    /// When what it tells of happened.
    pub at: DateTime<Utc>,
}

/// The messages `event`, at `position`, makes. `customer` is the order's, which only
/// `OrderPlaced` carries (the phone); the caller looks it up for the later events.
/// Times are shown in `zone`.
pub(crate) fn messages(
    position: i64,
    event: &OrderEvent,
    customer: &Recipient,
    zone: Tz,
) -> Vec<Message> {
    let order_id = event.order_id();
    let at = crate::events::DomainEvent::occurred_at(event);
    let message = |kind: &'static str, to: Option<&Recipient>, text: String| Message {
        id: format!("{position}-{kind}"),
        kind,
        order_id,
        to: to.map_or(KITCHEN, |to| to.phone.as_str()).to_owned(),
        email: to.and_then(|to| to.email.clone()),
        text,
        at,
    };
    match event {
        OrderEvent::OrderPlaced(placed) => vec![
            message(
                "order_confirmed",
                Some(customer),
                confirmation(placed, zone),
            ),
            message("kitchen_new_order", None, kitchen_ticket(placed)),
        ],
        // The customer hears when the order is ready, not of each pizza.
        OrderEvent::PizzaReady(_) => Vec::new(),
        _ => {
            let text = format!(
                "Order {}: {}",
                short_id(order_id),
                notification_text(event.status(), event.note())
            );
            vec![message("order_status", Some(customer), text)]
        }
    }
}

/// The seed's confirmation.
fn confirmation(placed: &OrderPlaced, zone: Tz) -> String {
    format!(
        "Order {} confirmed! Total: ${}. Ready by: {}",
        short_id(placed.order_id),
        placed.total_amount,
        placed
            .estimated_ready_at
            .with_timezone(&zone)
            .format("%H:%M %Z")
    )
}

/// What the kitchen has to make.
fn kitchen_ticket(placed: &OrderPlaced) -> String {
    let pizzas: Vec<String> = placed
        .lines
        .iter()
        .map(|line| {
            format!(
                "{} × {} ({})",
                line.quantity,
                line.pizza_name,
                line.size.as_str()
            )
        })
        .collect();
    format!(
        "New order {}: {}",
        short_id(placed.order_id),
        pizzas.join(", ")
    )
}

/// The first eight characters of the id, as the seed shows it.
fn short_id(order_id: Uuid) -> String {
    order_id.simple().to_string()[..8].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::orders::{OrderCancelled, OrderOutForDelivery};
    use app::contracts::{OrderLine, PaymentMethod, PizzaSize};
    use rust_decimal::Decimal;

    fn placed() -> OrderPlaced {
        let at = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let line = |name: &str, size, quantity| OrderLine {
            pizza_id: name.to_lowercase(),
            pizza_name: name.into(),
            size,
            toppings: vec![],
            quantity,
            special_instructions: None,
            unit_price: Decimal::new(1099, 2),
            line_price: Decimal::new(1099, 2) * Decimal::from(quantity),
        };
        OrderPlaced {
            order_id: Uuid::parse_str("1a2b3c4d-0000-4000-8000-000000000001").unwrap(),
            customer_name: "Ada".into(),
            customer_phone: "555 010 0500".into(),
            customer_address: "1 Loop Road".into(),
            customer_username: None,
            payment_method: PaymentMethod::Cash,
            lines: vec![
                line("Margherita", PizzaSize::Medium, 2),
                line("Pepperoni", PizzaSize::Large, 1),
            ],
            total_amount: Decimal::new(3297, 2),
            breakdown: None,
            total_prep_minutes: 45,
            cook_minutes: 25,
            placed_at: at,
            estimated_ready_at: at + chrono::Duration::minutes(25),
        }
    }

    #[test]
    fn a_placed_order_confirms_to_the_customer_and_tells_the_kitchen() {
        let event = OrderEvent::OrderPlaced(placed());

        let ada = Recipient {
            phone: "555 010 0500".into(),
            email: Some("ada@example.com".into()),
        };
        let sent = messages(7, &event, &ada, Tz::UTC);
        assert_eq!(sent[0].email.as_deref(), Some("ada@example.com"));
        let in_rome = messages(7, &event, &ada, chrono_tz::Europe::Rome);
        assert!(
            in_rome[0].text.ends_with("Ready by: 09:25 CET"),
            "{}",
            in_rome[0].text
        );
        assert_eq!(sent[1].email, None);

        let texts: Vec<(&str, &str, &str)> = sent
            .iter()
            .map(|m| (m.id.as_str(), m.to.as_str(), m.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                (
                    "7-order_confirmed",
                    "555 010 0500",
                    "Order 1a2b3c4d confirmed! Total: $32.97. Ready by: 08:25 UTC"
                ),
                (
                    "7-kitchen_new_order",
                    "kitchen",
                    "New order 1a2b3c4d: 2 × Margherita (medium), 1 × Pepperoni (large)"
                ),
            ]
        );
    }

    #[test]
    fn a_status_change_tells_the_customer_with_the_driver_or_the_reason() {
        let order_id = placed().order_id;
        let at = placed().placed_at;
        let out = OrderEvent::OrderOutForDelivery(OrderOutForDelivery {
            order_id,
            driver: "Luigi".into(),
            at,
            by: None,
        });
        let cancelled = OrderEvent::OrderCancelled(OrderCancelled {
            order_id,
            reason: "Out of dough".into(),
            at,
            by: None,
        });

        let texts: Vec<String> = [out, cancelled]
            .iter()
            .enumerate()
            .flat_map(|(n, event)| {
                let guest = Recipient {
                    phone: "555".into(),
                    email: None,
                };
                messages(10 + n as i64, event, &guest, Tz::UTC)
            })
            .map(|m| format!("{} {} {}", m.id, m.to, m.text))
            .collect();

        assert_eq!(
            texts,
            [
                "10-order_status 555 Order 1a2b3c4d: Your order is on its way with Luigi.",
                "11-order_status 555 Order 1a2b3c4d: Your order was cancelled: Out of dough"
            ]
        );
    }
}
