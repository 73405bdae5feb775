//! `RevenueView`: revenue and order count per UTC quarter of an hour, by the time orders
//! were placed (table `revenue_view`), which `GetRevenue` sums into the hours and days of
//! the shop's clock. A cancelled order is
//! subtracted from the buckets it was added to, so the view remembers each order while
//! it can still be cancelled (`revenue_open_orders_view`).
//!
//! - `OrderPlaced`: its total and one order added to its quarter; remembered.
//! - `OrderCancelled`: an open order's total and count are subtracted again.
//! - `OrderDelivered`: the order can no longer be cancelled, so it is forgotten.

use crate::analytics::buckets::{QUARTER, quarter_key};
use crate::db::{DbError, Tx, decimal, insert_rows, timestamp, timestamp_text};
use crate::orders::views::{PlaceRun, Placed, Summed, TallyView, add_row};
use crate::projections::BoxFuture;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;

/// Keeps `revenue_view` up to date.
pub(crate) struct RevenueView;

impl TallyView for RevenueView {
    const NAME: &'static str = "revenue_view";
    const TABLES: &'static [&'static str] = &["revenue_open_orders_view", Self::NAME];
    const OPEN_TABLES: &'static [&'static str] = &["revenue_open_orders_view"];
    const PLACE: PlaceRun = add_orders;

    /// Subtracts an open order's total, and the order, from its quarter.
    async fn take_back(tx: &mut Tx, order_id: &str) -> Result<(), DbError> {
        if let Some((placed_at, total)) = find_open(tx, order_id).await? {
            add(tx, placed_at, -total, -1).await?;
        }
        Ok(())
    }
}

/// Adds the orders of `run` to their quarters, one row per quarter, and remembers each
/// as open.
fn add_orders<'t>(tx: &'t mut Tx, run: &'t [Placed]) -> BoxFuture<'t, Result<(), DbError>> {
    Box::pin(async move {
        let mut sums: Vec<BucketSum> = Vec::new();
        for Placed { order, .. } in run {
            let sum = BucketSum {
                start: quarter_key(order.placed_at),
                revenue: order.total_amount,
                orders: 1,
            };
            add_row(&mut sums, sum);
        }
        add_sums(tx, sums).await?;
        remember(tx, run).await
    })
}

/// What some orders add to one quarter (negative to subtract).
struct BucketSum {
    start: String,
    revenue: Decimal,
    orders: i64,
}

impl Summed for BucketSum {
    fn same_row(&self, other: &Self) -> bool {
        self.start == other.start
    }

    fn add(&mut self, later: Self) {
        self.revenue += later.revenue;
        self.orders += later.orders;
    }
}

/// Adds `amount` and `orders` (negative to subtract) to the quarter holding `placed_at`.
async fn add(
    tx: &mut Tx,
    placed_at: DateTime<Utc>,
    amount: Decimal,
    orders: i64,
) -> Result<(), DbError> {
    let sum = BucketSum {
        start: quarter_key(placed_at),
        revenue: amount,
        orders,
    };
    add_sums(tx, vec![sum]).await
}

/// Adds each of `sums` (no two for the same bucket) to its row: money is decimal text,
/// so the new totals are computed here, then written in one statement.
async fn add_sums(tx: &mut Tx, mut sums: Vec<BucketSum>) -> Result<(), DbError> {
    for sum in &mut sums {
        let current: Option<(String, i64)> = sqlx::query_as(
            "SELECT revenue, order_count FROM revenue_view WHERE bucket = $1 AND bucket_start = $2",
        )
        .bind(QUARTER)
        .bind(&sum.start)
        .fetch_optional(&mut **tx)
        .await?;
        if let Some((revenue, count)) = current {
            sum.revenue += decimal("revenue_view.revenue", &revenue)?;
            sum.orders += count;
        }
    }
    insert_rows(
        tx,
        "INSERT INTO revenue_view (bucket, bucket_start, revenue, order_count)",
        4,
        "ON CONFLICT (bucket, bucket_start) DO UPDATE SET \
         revenue = excluded.revenue, order_count = excluded.order_count",
        &sums,
        |query, sum| {
            query
                .bind(QUARTER)
                .bind(&sum.start)
                .bind(sum.revenue.to_string())
                .bind(sum.orders)
        },
    )
    .await
}

/// Remembers the orders of `run` as open.
async fn remember(tx: &mut Tx, run: &[Placed]) -> Result<(), DbError> {
    insert_rows(
        tx,
        "INSERT INTO revenue_open_orders_view (order_id, placed_at, total_amount)",
        3,
        "ON CONFLICT (order_id) DO NOTHING",
        run,
        |query, Placed { order, .. }| {
            query
                .bind(order.order_id.to_string())
                .bind(timestamp_text(order.placed_at))
                .bind(order.total_amount.to_string())
        },
    )
    .await
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
