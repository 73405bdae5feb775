//! `KitchenPerformanceView`: each order the kitchen cooked (table `cooked_orders_view`):
//! who started it, when it came out of the oven, how long it took from the start of
//! cooking and what was estimated, for `GetKitchenPerformance`. While an order is in the
//! kitchen the view remembers its recipes' time, and once it cooks, since when, by whom
//! and for how long the chef said (`cooking_orders_view`).
//!
//! - `OrderPlaced`: remembered, with the recipes' time.
//! - `CookingStarted`: since when, by whom, and the estimate (the chef's, or the
//!   recipes').
//! - `OrderReady`: a cooked order, if it was seen going in; forgotten.
//! - `OrderOutForDelivery`, `OrderDelivered`, `OrderCancelled`: forgotten.

use crate::db::{DbError, Tx, insert_rows, timestamp, timestamp_text};
use crate::orders::OrderEvent;
use crate::orders::views::{OrderView, PlaceRun, Placed};
use crate::projections::BoxFuture;

/// Keeps `cooked_orders_view` up to date.
pub(crate) struct KitchenPerformanceView;

impl OrderView for KitchenPerformanceView {
    const NAME: &'static str = "cooked_orders_view";
    const TABLES: &'static [&'static str] = &["cooking_orders_view", Self::NAME];
    const PLACE: PlaceRun = remember;

    async fn on(&self, tx: &mut Tx, position: i64, event: OrderEvent) -> Result<(), DbError> {
        let order_id = event.order_id().to_string();
        match event {
            OrderEvent::OrderPlaced(order) => Self::PLACE(tx, &Placed::one(position, order)).await,
            OrderEvent::CookingStarted(started) => {
                sqlx::query(
                    "UPDATE cooking_orders_view SET started_at = $1, chef = $2, \
                     estimate_minutes = COALESCE($3, estimate_minutes) WHERE order_id = $4",
                )
                .bind(timestamp_text(started.at))
                .bind(started.by.as_deref())
                .bind(started.minutes.map(i64::from))
                .bind(&order_id)
                .execute(&mut **tx)
                .await?;
                Ok(())
            }
            OrderEvent::PizzaReady(_) => Ok(()),
            OrderEvent::OrderReady(ready) => {
                let cooking: Option<(Option<String>, Option<String>, i64)> = sqlx::query_as(
                    "SELECT started_at, chef, estimate_minutes FROM cooking_orders_view \
                     WHERE order_id = $1",
                )
                .bind(&order_id)
                .fetch_optional(&mut **tx)
                .await?;
                if let Some((Some(started_at), chef, estimate_minutes)) = cooking {
                    let started = timestamp("cooking_orders_view.started_at", &started_at)?;
                    let seconds = (ready.at - started).num_seconds().max(0);
                    sqlx::query(
                        "INSERT INTO cooked_orders_view (order_id, chef, ready_at, \
                         cooking_seconds, estimate_seconds) VALUES ($1, $2, $3, $4, $5) \
                         ON CONFLICT (order_id) DO NOTHING",
                    )
                    .bind(&order_id)
                    .bind(chef)
                    .bind(timestamp_text(ready.at))
                    .bind(seconds)
                    .bind(estimate_minutes * 60)
                    .execute(&mut **tx)
                    .await?;
                }
                forget(tx, &order_id).await
            }
            OrderEvent::OrderOutForDelivery(_)
            | OrderEvent::OrderDelivered(_)
            | OrderEvent::OrderCancelled(_) => forget(tx, &order_id).await,
        }
    }
}

/// Remembers the orders of `run` with their recipes' time.
fn remember<'t>(tx: &'t mut Tx, run: &'t [Placed]) -> BoxFuture<'t, Result<(), DbError>> {
    Box::pin(insert_rows(
        tx,
        "INSERT INTO cooking_orders_view (order_id, estimate_minutes)",
        2,
        "ON CONFLICT (order_id) DO NOTHING",
        run,
        |query, Placed { order, .. }| {
            query
                .bind(order.order_id.to_string())
                .bind(order.cooking_minutes())
        },
    ))
}

async fn forget(tx: &mut Tx, order_id: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM cooking_orders_view WHERE order_id = $1")
        .bind(order_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
