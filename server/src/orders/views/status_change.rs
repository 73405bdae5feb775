//! The lifecycle events as the order views see them: which order reached which status,
//! when, and the note that goes with it (the driver, or the cancellation reason).

use crate::db::{DbError, corrupt};
use crate::events::{DomainEvent, StoredEvent};
use crate::orders::{
    CookingStarted, OrderCancelled, OrderDelivered, OrderOutForDelivery, OrderPlaced, OrderReady,
};
use app::contracts::OrderStatus;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// An order reached `status` at `at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StatusChange {
    pub order_id: Uuid,
    pub status: OrderStatus,
    pub at: DateTime<Utc>,
    pub note: Option<String>,
}

impl StatusChange {
    /// The first step of every order: `pending` when it was placed.
    pub fn placed(event: &OrderPlaced) -> Self {
        Self::new(event.order_id, OrderStatus::Pending, event.placed_at, None)
    }

    /// The change `event` describes, when it is a lifecycle event after `OrderPlaced`.
    pub fn from_event(event: &StoredEvent) -> Result<Option<Self>, DbError> {
        use OrderStatus::*;
        decoded(event, |e: CookingStarted| {
            Self::new(e.order_id, Cooking, e.at, None)
        })
        .or_else(|| {
            decoded(event, |e: OrderReady| {
                Self::new(e.order_id, Ready, e.at, None)
            })
        })
        .or_else(|| {
            decoded(event, |e: OrderOutForDelivery| {
                Self::new(e.order_id, Delivering, e.at, Some(e.driver))
            })
        })
        .or_else(|| {
            decoded(event, |e: OrderDelivered| {
                Self::new(e.order_id, Delivered, e.at, None)
            })
        })
        .or_else(|| {
            decoded(event, |e: OrderCancelled| {
                Self::new(e.order_id, Cancelled, e.at, Some(e.reason))
            })
        })
        .transpose()
    }

    fn new(order_id: Uuid, status: OrderStatus, at: DateTime<Utc>, note: Option<String>) -> Self {
        Self {
            order_id,
            status,
            at,
            note,
        }
    }
}

/// `event` decoded as `E` and turned into a change, when it is an `E`.
fn decoded<E: DomainEvent>(
    event: &StoredEvent,
    change: impl FnOnce(E) -> StatusChange,
) -> Option<Result<StatusChange, DbError>> {
    event.decode::<E>().map(|decoded| decoded.map(change))
}

/// Parses a status stored by an order view.
pub(crate) fn stored_status(column: &'static str, value: &str) -> Result<OrderStatus, DbError> {
    OrderStatus::parse(value).ok_or_else(|| corrupt(column, value))
}
