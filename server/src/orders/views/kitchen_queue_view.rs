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
use crate::orders::OrderEvent;
use crate::orders::views::{OrderView, PlaceRun, Placed};
use crate::projections::BoxFuture;
use app::contracts::OrderStatus;

/// Keeps `kitchen_queue_view` up to date.
pub(crate) struct KitchenQueueView;

impl OrderView for KitchenQueueView {
    const NAME: &'static str = "kitchen_queue_view";
    const PLACE: PlaceRun = enqueue;

    async fn on(&self, tx: &mut Tx, position: i64, event: OrderEvent) -> Result<(), DbError> {
        let order_id = event.order_id().to_string();
        let query = match event {
            OrderEvent::OrderPlaced(order) => {
                return Self::PLACE(tx, &Placed::one(position, order)).await;
            }
            // The ticket's lines read their progress from the order detail view.
            OrderEvent::PizzaReady(_) => return Ok(()),
            OrderEvent::CookingStarted(_) => {
                sqlx::query("UPDATE kitchen_queue_view SET status = $1 WHERE order_id = $2")
                    .bind(OrderStatus::Cooking.as_str())
            }
            OrderEvent::OrderReady(_)
            | OrderEvent::OrderOutForDelivery(_)
            | OrderEvent::OrderDelivered(_)
            | OrderEvent::OrderCancelled(_) => {
                sqlx::query("DELETE FROM kitchen_queue_view WHERE order_id = $1")
            }
        };
        query.bind(order_id).execute(&mut **tx).await?;
        Ok(())
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
