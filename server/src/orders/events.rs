//! Domain events of the orders slice: [`OrderEvent`], a variant per event in the past
//! tense, each carrying what read models need so projections never look anything up.
//! Stream: `order-<uuid>`.

use crate::events::DomainEvent;
use crate::orders::domain::Order;
use app::contracts::{
    OrderLine, OrderStatus, PaymentMethod, ReadyPizza, TotalBreakdown, phone_key,
};
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The stream of one order.
pub(crate) fn order_stream(order_id: Uuid) -> String {
    format!("{}{order_id}", OrderEvent::STREAM_PREFIX)
}

/// A customer placed an order; it is now `pending`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct OrderPlaced {
    pub order_id: Uuid,
    pub customer_name: String,
    pub customer_phone: String,
    pub customer_address: String,
    /// The customer account that placed it; `None` for a guest (and every order placed
    /// before accounts existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_username: Option<String>,
    pub payment_method: PaymentMethod,
    pub lines: Vec<OrderLine>,
    /// What was charged.
    pub total_amount: Decimal,
    /// The bill that makes up `total_amount`; `None` for orders placed before the shop
    /// had charges, whose pizzas were their total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breakdown: Option<Box<TotalBreakdown>>,
    /// Sum over lines of quantity × the pizza's preparation minutes, for the kitchen.
    #[serde(default)]
    pub total_prep_minutes: u32,
    /// How long the order takes in the oven once the kitchen starts it; 0 in orders
    /// placed before it was recorded (see [`OrderPlaced::cooking_minutes`]).
    #[serde(default)]
    pub cook_minutes: u32,
    pub placed_at: DateTime<Utc>,
    /// When it should be ready: the kitchen's queue ahead of it, then its cooking.
    pub estimated_ready_at: DateTime<Utc>,
}

impl From<&Order> for OrderPlaced {
    fn from(order: &Order) -> Self {
        OrderPlaced {
            order_id: order.id,
            customer_name: order.command.customer_name.trim().to_owned(),
            customer_phone: order.command.customer_phone.trim().to_owned(),
            customer_address: order.command.customer_address.trim().to_owned(),
            customer_username: order.owner.clone(),
            payment_method: order.command.payment_method,
            lines: order.lines.clone(),
            total_amount: order.total_amount,
            breakdown: Some(Box::new(order.breakdown.clone())),
            total_prep_minutes: order.total_prep_minutes,
            cook_minutes: order.cook_minutes,
            placed_at: order.created_at,
            estimated_ready_at: order.estimated_ready_at,
        }
    }
}

impl OrderPlaced {
    /// Whose history the order counts in: the account's (`@username`) when a signed-in
    /// customer placed it, otherwise the phone's digits ([`phone_key`]). The two never
    /// meet: a phone key has digits only.
    pub fn customer_key(&self) -> String {
        match &self.customer_username {
            Some(username) => account_key(username),
            None => phone_key(&self.customer_phone),
        }
    }

    /// How long the order takes in the oven: as recorded, or for an order placed before
    /// that was, the time its estimate gave it (which did not count the queue then).
    pub fn cooking_minutes(&self) -> i64 {
        if self.cook_minutes > 0 {
            i64::from(self.cook_minutes)
        } else {
            (self.estimated_ready_at - self.placed_at)
                .num_minutes()
                .max(0)
        }
    }

    /// How many pizzas the order holds, counting quantities.
    pub fn pizza_count(&self) -> i64 {
        self.lines.iter().map(|line| i64::from(line.quantity)).sum()
    }
}

/// The kitchen started cooking a pending order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct CookingStarted {
    pub order_id: Uuid,
    pub at: DateTime<Utc>,
    /// The member of staff who did it (their username); `None` in events recorded
    /// before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// How long the chef said it takes in the oven; `None`: the recipes' time
    /// ([`OrderPlaced::cook_minutes`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
}

/// One line of a cooking order is out of the oven; the order cooks on until its last
/// line is, which an [`OrderReady`] then records in the same command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PizzaReady {
    pub order_id: Uuid,
    /// The line, counting from 0 in the order's `lines`.
    pub line: u32,
    /// What the line holds, in words, for the timeline: `2 × Margherita (Large)`.
    pub pizza: String,
    pub at: DateTime<Utc>,
    /// The member of staff who marked it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// Whole minutes from the start of cooking to this line being ready, for the
    /// kitchen's performance.
    pub actual_minutes: u32,
}

/// Every pizza of the order is out of the oven; it waits for a driver.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct OrderReady {
    pub order_id: Uuid,
    pub at: DateTime<Utc>,
    /// The member of staff who did it (their username); `None` when the customer did
    /// (cancelling their own order), and in events recorded before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// A driver took the order out for delivery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct OrderOutForDelivery {
    pub order_id: Uuid,
    pub driver: String,
    pub at: DateTime<Utc>,
    /// The member of staff who did it (their username); `None` when the customer did
    /// (cancelling their own order), and in events recorded before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// The customer received the order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct OrderDelivered {
    pub order_id: Uuid,
    pub at: DateTime<Utc>,
    /// The member of staff who did it (their username); `None` when the customer did
    /// (cancelling their own order), and in events recorded before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// The order was cancelled before delivery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct OrderCancelled {
    pub order_id: Uuid,
    pub reason: String,
    pub at: DateTime<Utc>,
    /// The member of staff who did it (their username); `None` when the customer did
    /// (cancelling their own order), and in events recorded before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// Everything that can happen to an order, in the order it can happen; stored with the
/// variant's name as `event_type` (see [`DomainEvent`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event_type", content = "payload")]
pub(crate) enum OrderEvent {
    OrderPlaced(OrderPlaced),
    CookingStarted(CookingStarted),
    PizzaReady(PizzaReady),
    OrderReady(OrderReady),
    OrderOutForDelivery(OrderOutForDelivery),
    OrderDelivered(OrderDelivered),
    OrderCancelled(OrderCancelled),
}

impl OrderEvent {
    /// The order it happened to.
    pub fn order_id(&self) -> Uuid {
        match self {
            Self::OrderPlaced(e) => e.order_id,
            Self::CookingStarted(e) => e.order_id,
            Self::PizzaReady(e) => e.order_id,
            Self::OrderReady(e) => e.order_id,
            Self::OrderOutForDelivery(e) => e.order_id,
            Self::OrderDelivered(e) => e.order_id,
            Self::OrderCancelled(e) => e.order_id,
        }
    }

    /// The status the order is in after it.
    pub fn status(&self) -> OrderStatus {
        match self {
            Self::OrderPlaced(_) => OrderStatus::Pending,
            Self::CookingStarted(_) | Self::PizzaReady(_) => OrderStatus::Cooking,
            Self::OrderReady(_) => OrderStatus::Ready,
            Self::OrderOutForDelivery(_) => OrderStatus::Delivering,
            Self::OrderDelivered(_) => OrderStatus::Delivered,
            Self::OrderCancelled(_) => OrderStatus::Cancelled,
        }
    }

    /// Who took the step, when an account did (see the events' `by`).
    pub fn by(&self) -> Option<&str> {
        match self {
            Self::OrderPlaced(_) => None,
            Self::CookingStarted(e) => e.by.as_deref(),
            Self::PizzaReady(e) => e.by.as_deref(),
            Self::OrderReady(e) => e.by.as_deref(),
            Self::OrderOutForDelivery(e) => e.by.as_deref(),
            Self::OrderDelivered(e) => e.by.as_deref(),
            Self::OrderCancelled(e) => e.by.as_deref(),
        }
    }

    /// The pizza line out of the oven, when the event is one's.
    pub fn pizza(&self) -> Option<ReadyPizza> {
        match self {
            Self::PizzaReady(e) => Some(ReadyPizza {
                line: e.line,
                name: e.pizza.clone(),
            }),
            _ => None,
        }
    }

    /// What goes with the new status: the driver, or the cancellation reason.
    pub fn note(&self) -> Option<&str> {
        match self {
            Self::OrderOutForDelivery(e) => Some(&e.driver),
            Self::OrderCancelled(e) => Some(&e.reason),
            Self::OrderPlaced(_)
            | Self::CookingStarted(_)
            | Self::PizzaReady(_)
            | Self::OrderReady(_)
            | Self::OrderDelivered(_) => None,
        }
    }
}

impl mediator::Event for OrderEvent {}

impl DomainEvent for OrderEvent {
    const STREAM_PREFIX: &'static str = "order-";

    fn stream_id(&self) -> String {
        order_stream(self.order_id())
    }

    fn occurred_at(&self) -> DateTime<Utc> {
        match self {
            Self::OrderPlaced(e) => e.placed_at,
            Self::CookingStarted(e) => e.at,
            Self::PizzaReady(e) => e.at,
            Self::OrderReady(e) => e.at,
            Self::OrderOutForDelivery(e) => e.at,
            Self::OrderDelivered(e) => e.at,
            Self::OrderCancelled(e) => e.at,
        }
    }
}

/// The history key of the account `username` (see [`OrderPlaced::customer_key`]).
pub(crate) fn account_key(username: &str) -> String {
    format!("@{username}")
}

#[cfg(test)]
mod tests {
    //! The stored form of order events: what `event_type` and `payload` hold, and how
    //! payloads of older shapes and other versions read.
    use super::*;
    use crate::events::{PAYLOAD_VERSION, StoredEvent, encode};

    fn stored(event_type: &str, schema_version: i64, payload: &str) -> StoredEvent {
        StoredEvent {
            position: 9,
            stream_id: order_stream(Uuid::from_u128(1)),
            stream_version: 1,
            event_type: event_type.into(),
            schema_version,
            payload: payload.into(),
            recorded_at: "2026-12-05T12:00:00Z".parse().unwrap(),
        }
    }

    #[test]
    fn an_event_is_stored_as_its_variant_name_and_its_payload() {
        let event = OrderEvent::OrderReady(OrderReady {
            order_id: Uuid::from_u128(1),
            at: "2026-12-05T12:00:00Z".parse().unwrap(),
            by: None,
        });
        let (event_type, payload) = encode(&event).unwrap();
        assert_eq!(event_type, "OrderReady");
        assert_eq!(
            payload,
            r#"{"order_id":"00000000-0000-0000-0000-000000000001","at":"2026-12-05T12:00:00Z"}"#
        );
        let read = stored(&event_type, PAYLOAD_VERSION, &payload).decode::<OrderEvent>();
        assert_eq!(read.unwrap().unwrap(), event);
    }

    #[test]
    fn an_order_placed_before_preparation_minutes_were_recorded_reads_as_zero_minutes() {
        // Version 1 as first written: no `total_prep_minutes`.
        let payload = r#"{"order_id":"00000000-0000-0000-0000-000000000001",
            "customer_name":"Ada","customer_phone":"+1 555 010 0200",
            "customer_address":"1 Main St","payment_method":"card","lines":[],
            "total_amount":"10.99","placed_at":"2026-12-05T12:00:00Z",
            "estimated_ready_at":"2026-12-05T12:20:00Z"}"#;
        let read = stored("OrderPlaced", 1, payload).decode::<OrderEvent>();
        let Some(Ok(OrderEvent::OrderPlaced(placed))) = read else {
            panic!("a version 1 OrderPlaced reads: {read:?}");
        };
        assert_eq!(placed.total_prep_minutes, 0);
        assert_eq!(placed.customer_name, "Ada");
    }

    #[test]
    fn a_payload_of_another_version_is_refused_not_misread() {
        let payload =
            r#"{"order_id":"00000000-0000-0000-0000-000000000001","at":"2026-12-05T12:00:00Z"}"#;
        let error = stored("OrderReady", 2, payload)
            .decode::<OrderEvent>()
            .unwrap()
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("version 2") && error.contains("position 9"),
            "{error}"
        );
    }

    #[test]
    fn an_unknown_event_type_on_an_order_stream_is_an_error_and_other_streams_pass() {
        assert!(
            stored("OrderTeleported", 1, "{}")
                .decode::<OrderEvent>()
                .unwrap()
                .is_err()
        );
        let mut pizza = stored("PizzaRemoved", 1, "{}");
        pizza.stream_id = "pizza-funghi".into();
        assert!(pizza.decode::<OrderEvent>().is_none());
    }
}
