//! `ServiceTimesView`: how fast the shop serves, per UTC quarter of an hour (table
//! `service_times_view`, keyed like the revenue view): the orders that came out of the
//! oven in the quarter and their seconds from placed to ready, the orders delivered and
//! their seconds on the road, and the orders cancelled. `GetOverview` sums the quarters of
//! a day of the shop's clock. While an order is under way the view remembers when it was
//! placed and when it went out (`service_open_orders_view`).
//!
//! - `OrderPlaced`: remembered, with when it was placed.
//! - `OrderReady`: its preparation time, added to the quarter it was ready in.
//! - `OrderOutForDelivery`: when it went out, remembered.
//! - `OrderDelivered`: its time on the road, added to the quarter it was delivered in;
//!   forgotten.
//! - `OrderCancelled`: one more cancellation in its quarter; forgotten.

use crate::analytics::buckets::quarter_key;
use crate::db::{DbError, Tx, insert_rows, timestamp, timestamp_text};
use crate::orders::OrderEvent;
use crate::orders::views::{OrderView, PlaceRun, Placed};
use crate::projections::BoxFuture;
use chrono::{DateTime, Utc};

/// Keeps `service_times_view` up to date.
pub(crate) struct ServiceTimesView;

impl OrderView for ServiceTimesView {
    const NAME: &'static str = "service_times_view";
    const TABLES: &'static [&'static str] = &["service_open_orders_view", Self::NAME];
    const PLACE: PlaceRun = remember;

    async fn on(&self, tx: &mut Tx, position: i64, event: OrderEvent) -> Result<(), DbError> {
        let order_id = event.order_id().to_string();
        match event {
            OrderEvent::OrderPlaced(order) => Self::PLACE(tx, &Placed::one(position, order)).await,
            OrderEvent::OrderReady(ready) => {
                if let Some((placed_at, _)) = find_open(tx, &order_id).await? {
                    let seconds = (ready.at - placed_at).num_seconds().max(0);
                    add(tx, ready.at, Step::Prepared(seconds)).await?;
                }
                Ok(())
            }
            OrderEvent::OrderOutForDelivery(out) => {
                sqlx::query("UPDATE service_open_orders_view SET out_at = $1 WHERE order_id = $2")
                    .bind(timestamp_text(out.at))
                    .bind(&order_id)
                    .execute(&mut **tx)
                    .await?;
                Ok(())
            }
            OrderEvent::OrderDelivered(delivered) => {
                if let Some((_, Some(out_at))) = find_open(tx, &order_id).await? {
                    let seconds = (delivered.at - out_at).num_seconds().max(0);
                    add(tx, delivered.at, Step::Delivered(seconds)).await?;
                }
                forget(tx, &order_id).await
            }
            OrderEvent::OrderCancelled(cancelled) => {
                add(tx, cancelled.at, Step::Cancelled).await?;
                forget(tx, &order_id).await
            }
            OrderEvent::CookingStarted(_) | OrderEvent::PizzaReady(_) => Ok(()),
        }
    }
}

/// What one event adds to its quarter.
enum Step {
    /// An order out of the oven, so many seconds after it was placed.
    Prepared(i64),
    /// An order delivered, so many seconds after it went out.
    Delivered(i64),
    Cancelled,
}

/// Adds `step` to the quarter holding `at`.
async fn add(tx: &mut Tx, at: DateTime<Utc>, step: Step) -> Result<(), DbError> {
    let (prepared, prep_seconds, delivered, delivery_seconds, cancelled) = match step {
        Step::Prepared(seconds) => (1, seconds, 0, 0, 0),
        Step::Delivered(seconds) => (0, 0, 1, seconds, 0),
        Step::Cancelled => (0, 0, 0, 0, 1),
    };
    sqlx::query(
        "INSERT INTO service_times_view (quarter, prepared, prep_seconds, delivered, \
         delivery_seconds, cancelled) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (quarter) DO UPDATE SET \
         prepared = service_times_view.prepared + excluded.prepared, \
         prep_seconds = service_times_view.prep_seconds + excluded.prep_seconds, \
         delivered = service_times_view.delivered + excluded.delivered, \
         delivery_seconds = service_times_view.delivery_seconds + excluded.delivery_seconds, \
         cancelled = service_times_view.cancelled + excluded.cancelled",
    )
    .bind(quarter_key(at))
    .bind(prepared)
    .bind(prep_seconds)
    .bind(delivered)
    .bind(delivery_seconds)
    .bind(cancelled)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Remembers the orders of `run` with when each was placed.
fn remember<'t>(tx: &'t mut Tx, run: &'t [Placed]) -> BoxFuture<'t, Result<(), DbError>> {
    Box::pin(insert_rows(
        tx,
        "INSERT INTO service_open_orders_view (order_id, placed_at)",
        2,
        "ON CONFLICT (order_id) DO NOTHING",
        run,
        |query, Placed { order, .. }| {
            query
                .bind(order.order_id.to_string())
                .bind(timestamp_text(order.placed_at))
        },
    ))
}

/// When an order under way was placed, and went out if it did.
async fn find_open(
    tx: &mut Tx,
    order_id: &str,
) -> Result<Option<(DateTime<Utc>, Option<DateTime<Utc>>)>, DbError> {
    let row: Option<(String, Option<String>)> = sqlx::query_as(
        "SELECT placed_at, out_at FROM service_open_orders_view WHERE order_id = $1",
    )
    .bind(order_id)
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|(placed_at, out_at)| {
        let placed_at = timestamp("service_open_orders_view.placed_at", &placed_at)?;
        let out_at = out_at
            .map(|out_at| timestamp("service_open_orders_view.out_at", &out_at))
            .transpose()?;
        Ok((placed_at, out_at))
    })
    .transpose()
}

async fn forget(tx: &mut Tx, order_id: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM service_open_orders_view WHERE order_id = $1")
        .bind(order_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
