//! `GetRevenue`: revenue and order count per hour or day over a period, from the revenue
//! view, with every bucket of the period listed (zeros where nothing was sold).

use crate::analytics::buckets::{key, start_of, width};
use crate::db::{count, decimal};
use crate::projections::ReadModels;
use app::contracts::{GetRevenue, RevenueBucket};
use mediator::{Context, Done, Outcome, RequestHandler};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Answers [`GetRevenue`]; `GetRevenue::validate` bounds the number of buckets.
pub(crate) struct GetRevenueHandler {
    pub read: ReadModels,
}

impl RequestHandler<GetRevenue> for GetRevenueHandler {
    #[tracing::instrument(name = "GetRevenue", skip_all, fields(bucket = query.bucket.as_str()))]
    async fn handle(&self, query: GetRevenue, _ctx: &mut Context) -> Outcome<Vec<RevenueBucket>> {
        let first = start_of(query.bucket, query.from);
        let last = start_of(query.bucket, query.to);
        let statement = sqlx::query_as(
            "SELECT bucket_start, revenue, order_count FROM revenue_view \
             WHERE bucket = $1 AND bucket_start >= $2 AND bucket_start <= $3 \
             ORDER BY bucket_start",
        )
        .bind(query.bucket.as_str())
        .bind(key(query.bucket, first))
        .bind(key(query.bucket, last));
        let rows: Vec<(String, String, i64)> =
            self.read.fetch_all(query.min_position, statement).await?;
        let mut sold = HashMap::with_capacity(rows.len());
        for (start, revenue, orders) in rows {
            let revenue = decimal("revenue_view.revenue", &revenue)?;
            let orders: u64 = count("revenue_view.order_count", orders)?;
            sold.insert(start, (revenue, orders));
        }
        let mut buckets = Vec::new();
        let mut start = first;
        while start <= last {
            let (revenue, order_count) = sold
                .remove(&key(query.bucket, start))
                .unwrap_or((Decimal::new(0, 2), 0));
            buckets.push(RevenueBucket {
                start,
                revenue,
                order_count,
            });
            start += width(query.bucket);
        }
        Ok(Done::ok(buckets))
    }
}
