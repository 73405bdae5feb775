//! `DriverPerformanceView`: each order delivered (table `delivered_orders_view`): its
//! driver, when it was delivered and its seconds on the road, for `GetDriverPerformance`.
//! While an order is on the road the view remembers its driver and since when
//! (`on_the_road_view`).
//!
//! - `OrderOutForDelivery`: on the road, with whom and since when.
//! - `OrderDelivered`: a delivery, if it was seen going out; forgotten.
//! - `OrderCancelled`: forgotten.

use crate::db::{DbError, Tx, timestamp, timestamp_text};
use crate::orders::OrderEvent;
use crate::orders::views::{OrderView, PlaceRun, Placed};
use crate::projections::BoxFuture;

/// Keeps `delivered_orders_view` up to date.
pub(crate) struct DriverPerformanceView;

impl OrderView for DriverPerformanceView {
    const NAME: &'static str = "delivered_orders_view";
    const TABLES: &'static [&'static str] = &["on_the_road_view", Self::NAME];
    const PLACE: PlaceRun = nothing;

    async fn on(&self, tx: &mut Tx, _position: i64, event: OrderEvent) -> Result<(), DbError> {
        let order_id = event.order_id().to_string();
        match event {
            OrderEvent::OrderOutForDelivery(out) => {
                sqlx::query(
                    "INSERT INTO on_the_road_view (order_id, driver, out_at) VALUES ($1, $2, $3) \
                     ON CONFLICT (order_id) DO NOTHING",
                )
                .bind(&order_id)
                .bind(&out.driver)
                .bind(timestamp_text(out.at))
                .execute(&mut **tx)
                .await?;
                Ok(())
            }
            OrderEvent::OrderDelivered(delivered) => {
                let road: Option<(String, String)> = sqlx::query_as(
                    "SELECT driver, out_at FROM on_the_road_view WHERE order_id = $1",
                )
                .bind(&order_id)
                .fetch_optional(&mut **tx)
                .await?;
                if let Some((driver, out_at)) = road {
                    let out = timestamp("on_the_road_view.out_at", &out_at)?;
                    let seconds = (delivered.at - out).num_seconds().max(0);
                    sqlx::query(
                        "INSERT INTO delivered_orders_view (order_id, driver, delivered_at, \
                         road_seconds) VALUES ($1, $2, $3, $4) ON CONFLICT (order_id) DO NOTHING",
                    )
                    .bind(&order_id)
                    .bind(driver)
                    .bind(timestamp_text(delivered.at))
                    .bind(seconds)
                    .execute(&mut **tx)
                    .await?;
                }
                forget(tx, &order_id).await
            }
            OrderEvent::OrderCancelled(_) => forget(tx, &order_id).await,
            OrderEvent::OrderPlaced(_)
            | OrderEvent::CookingStarted(_)
            | OrderEvent::PizzaReady(_)
            | OrderEvent::OrderReady(_) => Ok(()),
        }
    }
}

/// A placed order is nothing to this view until it goes out.
fn nothing<'t>(_tx: &'t mut Tx, _run: &'t [Placed]) -> BoxFuture<'t, Result<(), DbError>> {
    Box::pin(async { Ok(()) })
}

async fn forget(tx: &mut Tx, order_id: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM on_the_road_view WHERE order_id = $1")
        .bind(order_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
