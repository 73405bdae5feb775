//! `RevenueView`: revenue and order count per UTC hour and per UTC day, by the time
//! orders were placed (table `revenue_view`), read by `GetRevenue`. A cancelled order is
//! subtracted from the buckets it was added to, so the view remembers each order while
//! it can still be cancelled (`revenue_open_orders_view`).
//!
//! - `OrderPlaced`: its total and one order added to its hour and its day; remembered.
//! - `OrderCancelled`: an open order's total and count are subtracted again.
//! - `OrderDelivered`: the order can no longer be cancelled, so it is forgotten.

use crate::analytics::buckets::key;
use crate::db::{DbError, Tx, decimal, timestamp, timestamp_text};
use crate::events::StoredEvent;
use crate::orders::{OrderCancelled, OrderDelivered, OrderPlaced};
use crate::projections::{BoxFuture, Projection};
use app::contracts::TimeBucket;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;

/// Keeps `revenue_view` up to date.
pub(crate) struct RevenueView;

impl Projection for RevenueView {
    fn name(&self) -> &'static str {
        "revenue_view"
    }

    fn tables(&self) -> &'static [&'static str] {
        &["revenue_open_orders_view", "revenue_view"]
    }

    fn apply<'a>(
        &'a self,
        tx: &'a mut Tx,
        event: &'a StoredEvent,
    ) -> BoxFuture<'a, Result<(), DbError>> {
        Box::pin(async move {
            if let Some(placed) = event.decode::<OrderPlaced>() {
                let placed = placed?;
                add(tx, placed.placed_at, placed.total_amount, 1).await?;
                remember(tx, &placed).await
            } else if let Some(cancelled) = event.decode::<OrderCancelled>() {
                let order_id = cancelled?.order_id.to_string();
                if let Some((placed_at, total)) = find_open(tx, &order_id).await? {
                    add(tx, placed_at, -total, -1).await?;
                }
                forget(tx, &order_id).await
            } else if let Some(delivered) = event.decode::<OrderDelivered>() {
                forget(tx, &delivered?.order_id.to_string()).await
            } else {
                Ok(())
            }
        })
    }
}

/// Adds `amount` and `orders` (negative to subtract) to the hour and the day holding
/// `placed_at`. Money is decimal text, so the sum is computed here rather than in SQL.
async fn add(
    tx: &mut Tx,
    placed_at: DateTime<Utc>,
    amount: Decimal,
    orders: i64,
) -> Result<(), DbError> {
    for bucket in [TimeBucket::Hour, TimeBucket::Day] {
        let start = key(bucket, placed_at);
        let current: Option<(String, i64)> = sqlx::query_as(
            "SELECT revenue, order_count FROM revenue_view WHERE bucket = $1 AND bucket_start = $2",
        )
        .bind(bucket.as_str())
        .bind(&start)
        .fetch_optional(&mut **tx)
        .await?;
        let (revenue, count) = match current {
            Some((revenue, count)) => (decimal("revenue_view.revenue", &revenue)?, count),
            None => (Decimal::ZERO, 0),
        };
        sqlx::query(
            "INSERT INTO revenue_view (bucket, bucket_start, revenue, order_count) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (bucket, bucket_start) DO UPDATE SET \
             revenue = excluded.revenue, order_count = excluded.order_count",
        )
        .bind(bucket.as_str())
        .bind(&start)
        .bind((revenue + amount).to_string())
        .bind(count + orders)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

async fn remember(tx: &mut Tx, order: &OrderPlaced) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO revenue_open_orders_view (order_id, placed_at, total_amount) \
         VALUES ($1, $2, $3) ON CONFLICT (order_id) DO NOTHING",
    )
    .bind(order.order_id.to_string())
    .bind(timestamp_text(order.placed_at))
    .bind(order.total_amount.to_string())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// When an open order was placed and its total; `None` once it was forgotten.
async fn find_open(
    tx: &mut Tx,
    order_id: &str,
) -> Result<Option<(DateTime<Utc>, Decimal)>, DbError> {
    let row: Option<(String, String)> = sqlx::query_as(
        "SELECT placed_at, total_amount FROM revenue_open_orders_view WHERE order_id = $1",
    )
    .bind(order_id)
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|(placed_at, total)| {
        Ok((
            timestamp("revenue_open_orders_view.placed_at", &placed_at)?,
            decimal("revenue_open_orders_view.total_amount", &total)?,
        ))
    })
    .transpose()
}

async fn forget(tx: &mut Tx, order_id: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM revenue_open_orders_view WHERE order_id = $1")
        .bind(order_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
