//! `KitchenQueueView`: the orders the kitchen still has to cook, first in first out
//! (table `kitchen_queue_view`; `GetKitchenQueue` reads the lines from the order detail
//! view).
//!
//! - `OrderPlaced`: a `pending` ticket, queued by the event's position, with the pizza
//!   count and the total preparation minutes.
//! - `CookingStarted`: the ticket is `cooking`.
//! - `OrderReady`, `OrderOutForDelivery`, `OrderDelivered`, `OrderCancelled`: the ticket
//!   leaves the queue (out of the oven, or never going in).

use crate::db::{DbError, Tx, insert_rows, timestamp_text};
use crate::events::StoredEvent;
use crate::orders::OrderPlaced;
use crate::orders::views::{Placed, StatusChange, apply_in_runs};
use crate::projections::{BoxFuture, Projection};
use app::contracts::OrderStatus;

/// Keeps `kitchen_queue_view` up to date.
pub(crate) struct KitchenQueueView;

impl Projection for KitchenQueueView {
    fn name(&self) -> &'static str {
        "kitchen_queue_view"
    }

    fn tables(&self) -> &'static [&'static str] {
        &["kitchen_queue_view"]
    }

    fn apply<'a>(
        &'a self,
        tx: &'a mut Tx,
        event: &'a StoredEvent,
    ) -> BoxFuture<'a, Result<(), DbError>> {
        Box::pin(async move {
            if let Some(placed) = event.decode::<OrderPlaced>() {
                return enqueue(tx, &Placed::one(event, placed?)).await;
            }
            let Some(change) = StatusChange::from_event(event)? else {
                return Ok(());
            };
            let order_id = change.order_id.to_string();
            if change.status == OrderStatus::Cooking {
                sqlx::query("UPDATE kitchen_queue_view SET status = $1 WHERE order_id = $2")
                    .bind(change.status.as_str())
                    .bind(order_id)
                    .execute(&mut **tx)
                    .await?;
            } else {
                sqlx::query("DELETE FROM kitchen_queue_view WHERE order_id = $1")
                    .bind(order_id)
                    .execute(&mut **tx)
                    .await?;
            }
            Ok(())
        })
    }

    fn apply_all<'a>(
        &'a self,
        tx: &'a mut Tx,
        events: &'a [StoredEvent],
    ) -> BoxFuture<'a, Result<(), DbError>> {
        Box::pin(apply_in_runs(self, tx, events, enqueue))
    }
}

/// A `pending` ticket for each order of `run`.
fn enqueue<'t>(tx: &'t mut Tx, run: &'t [Placed]) -> BoxFuture<'t, Result<(), DbError>> {
    Box::pin(insert_rows(
        tx,
        "INSERT INTO kitchen_queue_view (order_id, placed_position, customer_name, status, \
         placed_at, pizza_count, total_prep_minutes)",
        7,
        "ON CONFLICT (order_id) DO NOTHING",
        run,
        |query, Placed { position, order }| {
            query
                .bind(order.order_id.to_string())
                .bind(*position)
                .bind(&order.customer_name)
                .bind(OrderStatus::Pending.as_str())
                .bind(timestamp_text(order.placed_at))
                .bind(order.pizza_count())
                .bind(i64::from(order.total_prep_minutes))
        },
    ))
}
