//! Domain events of the orders slice, in the past tense, carrying what read models need.

use crate::orders::domain::Order;
use app::contracts::{OrderLine, PaymentMethod};
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

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
    pub placed_at: DateTime<Utc>,
    pub estimated_ready_at: DateTime<Utc>,
}

impl OrderPlaced {
    /// Name stored in the event store's `event_type` column.
    pub const TYPE: &'static str = "OrderPlaced";
    /// Version of the payload's shape, for upcasting old events later.
    pub const SCHEMA_VERSION: i64 = 1;
}

impl mediator::Event for OrderPlaced {}

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
            placed_at: order.created_at,
            estimated_ready_at: order.estimated_ready_at,
        }
    }
}
