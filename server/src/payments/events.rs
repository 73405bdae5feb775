//! Domain events of the payments slice: [`PaymentEvent`]. Each order's payment is a
//! stream of its own, `payment-<order uuid>`, that starts when money first moves: a card
//! charged at placement, or cash collected on delivery.

use crate::events::DomainEvent;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The stream of one order's payment.
pub(crate) fn payment_stream(order_id: Uuid) -> String {
    format!("{}{order_id}", PaymentEvent::STREAM_PREFIX)
}

/// The customer's card was charged when they placed the order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PaymentCaptured {
    pub order_id: Uuid,
    pub amount: Decimal,
    /// `visa`, `mastercard`, ... (see `CardDetails::brand`).
    pub brand: String,
    pub last4: String,
    /// The gateway's reference of the charge.
    pub reference: String,
    pub at: DateTime<Utc>,
}

/// A card charge was given back, because the order was cancelled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PaymentRefunded {
    pub order_id: Uuid,
    pub amount: Decimal,
    /// The gateway's reference of the refund.
    pub reference: String,
    pub at: DateTime<Utc>,
}

/// The driver collected a cash order's total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct CashCollected {
    pub order_id: Uuid,
    pub amount: Decimal,
    /// The staff member who marked it.
    pub by: String,
    pub at: DateTime<Utc>,
}

/// Everything that can happen to an order's payment; stored with the variant's name as
/// `event_type` (see [`DomainEvent`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event_type", content = "payload")]
pub(crate) enum PaymentEvent {
    PaymentCaptured(PaymentCaptured),
    PaymentRefunded(PaymentRefunded),
    CashCollected(CashCollected),
}

impl PaymentEvent {
    /// The order paid for.
    pub fn order_id(&self) -> Uuid {
        match self {
            Self::PaymentCaptured(e) => e.order_id,
            Self::PaymentRefunded(e) => e.order_id,
            Self::CashCollected(e) => e.order_id,
        }
    }
}

impl mediator::Event for PaymentEvent {}

impl DomainEvent for PaymentEvent {
    const STREAM_PREFIX: &'static str = "payment-";

    fn stream_id(&self) -> String {
        payment_stream(self.order_id())
    }

    fn occurred_at(&self) -> DateTime<Utc> {
        match self {
            Self::PaymentCaptured(e) => e.at,
            Self::PaymentRefunded(e) => e.at,
            Self::CashCollected(e) => e.at,
        }
    }
}
