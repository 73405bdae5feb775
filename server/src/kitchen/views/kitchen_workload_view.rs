//! `KitchenWorkloadView`: what the kitchen has in hand, for the ready-time estimate and
//! the overload rule (`kitchen::Workload`). Two tables: `kitchen_jobs_view`, one row per
//! order in the kitchen (its cooking minutes, its place in the queue, and since when it
//! cooks), and
//! `kitchen_workload_view`, one row (id 1) with the waiting orders and their minutes
//! summed, so placing an order reads the queue in one statement whatever its length.
//!
//! - `OrderPlaced`: a waiting job; the totals grow by one order and its minutes.
//! - `CookingStarted`: the job cooks from then, for the minutes the chef said if they
//!   did; it leaves the totals.
//! - `OrderReady`, `OrderOutForDelivery`, `OrderDelivered`, `OrderCancelled`: the job
//!   leaves the kitchen (and the totals, if it was still waiting).

use crate::db::{DbError, Tx, insert_rows, timestamp_text};
use crate::orders::OrderEvent;
use crate::orders::views::{OrderView, PlaceRun, Placed};
use crate::projections::BoxFuture;

/// Keeps `kitchen_jobs_view` and `kitchen_workload_view` up to date.
pub(crate) struct KitchenWorkloadView;

impl OrderView for KitchenWorkloadView {
    const NAME: &'static str = "kitchen_workload_view";
    const TABLES: &'static [&'static str] = &["kitchen_workload_view", "kitchen_jobs_view"];
    const PLACE: PlaceRun = wait;

    async fn on(&self, tx: &mut Tx, position: i64, event: OrderEvent) -> Result<(), DbError> {
        let order_id = event.order_id().to_string();
        match event {
            OrderEvent::OrderPlaced(order) => Self::PLACE(tx, &Placed::one(position, order)).await,
            OrderEvent::CookingStarted(started) => {
                let (chef_minutes, event_order_id) = (started.minutes, order_id.clone());
                let started: Option<(i64,)> = sqlx::query_as(
                    "UPDATE kitchen_jobs_view SET cooking_since = $1 \
                     WHERE order_id = $2 AND cooking_since IS NULL RETURNING cook_minutes",
                )
                .bind(timestamp_text(started.at))
                .bind(order_id)
                .fetch_optional(&mut **tx)
                .await?;
                let Some((minutes,)) = started else {
                    return Ok(());
                };
                add_waiting(tx, -1, -minutes).await?;
                // The chef's word on its time in the oven, over the recipes'.
                if let Some(minutes) = chef_minutes {
                    sqlx::query(
                        "UPDATE kitchen_jobs_view SET cook_minutes = $1 WHERE order_id = $2",
                    )
                    .bind(i64::from(minutes))
                    .bind(event_order_id)
                    .execute(&mut **tx)
                    .await?;
                }
                Ok(())
            }
            // The order holds its place in the oven until its last pizza is out.
            OrderEvent::PizzaReady(_) => Ok(()),
            OrderEvent::OrderReady(_)
            | OrderEvent::OrderOutForDelivery(_)
            | OrderEvent::OrderDelivered(_)
            | OrderEvent::OrderCancelled(_) => {
                let left: Option<(i64, Option<String>)> = sqlx::query_as(
                    "DELETE FROM kitchen_jobs_view WHERE order_id = $1 \
                     RETURNING cook_minutes, cooking_since",
                )
                .bind(order_id)
                .fetch_optional(&mut **tx)
                .await?;
                match left {
                    Some((minutes, None)) => add_waiting(tx, -1, -minutes).await,
                    _ => Ok(()),
                }
            }
        }
    }
}

/// A waiting job for each order of `run`, and the run added to the totals.
fn wait<'t>(tx: &'t mut Tx, run: &'t [Placed]) -> BoxFuture<'t, Result<(), DbError>> {
    Box::pin(async move {
        insert_rows(
            tx,
            "INSERT INTO kitchen_jobs_view (order_id, cook_minutes, placed_position, \
             cooking_since)",
            4,
            "ON CONFLICT (order_id) DO NOTHING",
            run,
            |query, Placed { position, order }| {
                query
                    .bind(order.order_id.to_string())
                    .bind(order.cooking_minutes())
                    .bind(*position)
                    .bind(None::<String>)
            },
        )
        .await?;
        let orders = i64::try_from(run.len()).unwrap_or(i64::MAX);
        let minutes = run
            .iter()
            .map(|placed| placed.order.cooking_minutes())
            .sum();
        add_waiting(tx, orders, minutes).await
    })
}

/// Adds `orders` and `minutes` (negative to take away) to the waiting totals.
async fn add_waiting(tx: &mut Tx, orders: i64, minutes: i64) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO kitchen_workload_view (id, waiting_orders, waiting_minutes) \
         VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET \
         waiting_orders = kitchen_workload_view.waiting_orders + excluded.waiting_orders, \
         waiting_minutes = kitchen_workload_view.waiting_minutes + excluded.waiting_minutes",
    )
    .bind(orders)
    .bind(minutes)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
