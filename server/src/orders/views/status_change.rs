//! The lifecycle events as the order views see them: which order reached which status,
//! when, and the note that goes with it (the driver, or the cancellation reason), or
//! which of its pizzas came out of the oven.

use crate::db::{DbError, Tx, corrupt};
use crate::events::DomainEvent;
use crate::orders::{OrderEvent, OrderPlaced};
use app::contracts::{OrderStatus, ReadyPizza};
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// An order reached `status` at `at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StatusChange {
    pub order_id: Uuid,
    pub status: OrderStatus,
    pub at: DateTime<Utc>,
    pub note: Option<String>,
    /// The member of staff who took the step, when one did.
    pub by: Option<String>,
    /// The pizza line out of the oven, when the step is one line's rather than the
    /// order's.
    pub pizza: Option<ReadyPizza>,
}

impl StatusChange {
    /// The first step of every order: `pending` when it was placed.
    pub fn placed(event: &OrderPlaced) -> Self {
        Self {
            order_id: event.order_id,
            status: OrderStatus::Pending,
            at: event.placed_at,
            note: None,
            by: None,
            pizza: None,
        }
    }

    /// The step `event` records.
    pub fn of(event: &OrderEvent) -> Self {
        Self {
            order_id: event.order_id(),
            status: event.status(),
            at: event.occurred_at(),
            note: event.note().map(str::to_owned),
            by: event.by().map(str::to_owned),
            pizza: event.pizza(),
        }
    }

    /// Writes the new status into `view`, an order view keyed by `order_id`.
    pub async fn set_status_in(&self, tx: &mut Tx, view: &str) -> Result<(), DbError> {
        let sql = format!("UPDATE {view} SET status = $1 WHERE order_id = $2");
        sqlx::query(&sql)
            .bind(self.status.as_str())
            .bind(self.order_id.to_string())
            .execute(&mut **tx)
            .await?;
        Ok(())
    }
}

/// Parses a status stored by an order view.
pub(crate) fn stored_status(column: &'static str, value: &str) -> Result<OrderStatus, DbError> {
    OrderStatus::parse(value).ok_or_else(|| corrupt(column, value))
}
