//! Domain events of the orders slice, in the past tense, each carrying what read models
//! need so projections never look anything up. Stream: `order-<uuid>`.

use crate::events::DomainEvent;
use crate::orders::domain::Order;
use app::contracts::{OrderLine, PaymentMethod};
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The stream of one order.
pub(crate) fn order_stream(order_id: Uuid) -> String {
    format!("order-{order_id}")
}

/// A customer placed an order; it is now `pending`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct OrderPlaced {
    pub order_id: Uuid,
    pub customer_name: String,
    pub customer_phone: String,
    pub customer_address: String,
    pub payment_method: PaymentMethod,
    pub lines: Vec<OrderLine>,
    pub total_amount: Decimal,
    /// Sum over lines of quantity × the pizza's preparation minutes, for the kitchen.
    #[serde(default)]
    pub total_prep_minutes: u32,
    pub placed_at: DateTime<Utc>,
    pub estimated_ready_at: DateTime<Utc>,
}

impl From<&Order> for OrderPlaced {
    fn from(order: &Order) -> Self {
        OrderPlaced {
            order_id: order.id,
            customer_name: order.command.customer_name.trim().to_owned(),
            customer_phone: order.command.customer_phone.trim().to_owned(),
            customer_address: order.command.customer_address.trim().to_owned(),
            payment_method: order.command.payment_method,
            lines: order.lines.clone(),
            total_amount: order.total_amount,
            total_prep_minutes: order.total_prep_minutes,
            placed_at: order.created_at,
            estimated_ready_at: order.estimated_ready_at,
        }
    }
}

impl OrderPlaced {
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
}

/// Every pizza of the order is out of the oven; it waits for a driver.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct OrderReady {
    pub order_id: Uuid,
    pub at: DateTime<Utc>,
}

/// A driver took the order out for delivery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct OrderOutForDelivery {
    pub order_id: Uuid,
    pub driver: String,
    pub at: DateTime<Utc>,
}

/// The customer received the order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct OrderDelivered {
    pub order_id: Uuid,
    pub at: DateTime<Utc>,
}

/// The order was cancelled before delivery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct OrderCancelled {
    pub order_id: Uuid,
    pub reason: String,
    pub at: DateTime<Utc>,
}

/// Implements `mediator::Event` and `DomainEvent` for order events.
macro_rules! order_events {
    ($($event:ident => $time:ident),* $(,)?) => {$(
        impl mediator::Event for $event {}

        impl DomainEvent for $event {
            const TYPE: &'static str = stringify!($event);

            fn stream_id(&self) -> String {
                order_stream(self.order_id)
            }

            fn occurred_at(&self) -> DateTime<Utc> {
                self.$time
            }
        }
    )*};
}

order_events! {
    OrderPlaced => placed_at,
    CookingStarted => at,
    OrderReady => at,
    OrderOutForDelivery => at,
    OrderDelivered => at,
    OrderCancelled => at,
}
