//! `GetOverview`: today so far on the shop's clock next to yesterday up to the same time
//! of day, summed from the quarters of the revenue view (orders, revenue) and the service
//! times view (preparation, delivery, cancellations). The quarter holding "the same time
//! yesterday" counts whole, so the comparison is to the quarter of an hour.

use crate::analytics::buckets::{QUARTER, first_day_start, quarter_key};
use crate::db::{DbError, count, decimal};
use crate::hours::ShopClock;
use crate::projections::ReadModels;
use app::contracts::{DayFigures, GetOverview, Overview};
use chrono::{DateTime, Utc};
use mediator::{Context, Done, Outcome, RequestHandler};
use rust_decimal::Decimal;

/// Answers [`GetOverview`].
pub(crate) struct GetOverviewHandler {
    pub read: ReadModels,
    /// The shop's clock, whose days are compared.
    pub clock: ShopClock,
}

impl RequestHandler<GetOverview> for GetOverviewHandler {
    #[tracing::instrument(name = "GetOverview", skip_all)]
    async fn handle(&self, query: GetOverview, _ctx: &mut Context) -> Outcome<Overview> {
        let zone = self.clock.schedule().await?.zone;
        let now = Utc::now();
        let days = Days::of(
            now,
            first_day_start(1, now, zone),
            first_day_start(2, now, zone),
        );
        let sales = sqlx::query_as(
            "SELECT bucket_start, revenue, order_count FROM revenue_view \
             WHERE bucket = $1 AND bucket_start >= $2",
        )
        .bind(QUARTER)
        .bind(&days.yesterday);
        let sales: Vec<(String, String, i64)> =
            self.read.fetch_all(query.min_position, sales).await?;
        let service = sqlx::query_as(
            "SELECT quarter, prepared, prep_seconds, delivered, delivery_seconds, cancelled \
             FROM service_times_view WHERE quarter >= $1",
        )
        .bind(&days.yesterday);
        let service: Vec<ServiceRow> = self.read.fetch_all(None, service).await?;
        let mut sums = [Sums::default(), Sums::default()];
        for (quarter, revenue, orders) in sales {
            if let Some(day) = days.index(&quarter) {
                sums[day].orders += orders;
                sums[day].revenue += decimal("revenue_view.revenue", &revenue)?;
            }
        }
        for row in service {
            if let Some(day) = days.index(&row.quarter) {
                sums[day].add(&row);
            }
        }
        let [today, yesterday] = sums;
        Ok(Done::ok(Overview {
            since: days.today_start,
            until: now,
            today: today.figures()?,
            yesterday: yesterday.figures()?,
        }))
    }
}

/// The quarters compared, as the views key them.
struct Days {
    today_start: DateTime<Utc>,
    /// The first quarter of today.
    today: String,
    /// The first quarter of yesterday.
    yesterday: String,
    /// The quarter of yesterday at the time of day it is now.
    same_time_yesterday: String,
}

impl Days {
    fn of(now: DateTime<Utc>, today_start: DateTime<Utc>, yesterday_start: DateTime<Utc>) -> Self {
        Days {
            today_start,
            today: quarter_key(today_start),
            yesterday: quarter_key(yesterday_start),
            same_time_yesterday: quarter_key(yesterday_start + (now - today_start)),
        }
    }

    /// Which day `quarter` counts in: 0 today, 1 yesterday up to the same time, or none.
    fn index(&self, quarter: &str) -> Option<usize> {
        if quarter >= self.today.as_str() {
            Some(0)
        } else if quarter >= self.yesterday.as_str() && quarter <= self.same_time_yesterday.as_str()
        {
            Some(1)
        } else {
            None
        }
    }
}

/// A `service_times_view` row.
#[derive(sqlx::FromRow)]
struct ServiceRow {
    quarter: String,
    prepared: i64,
    prep_seconds: i64,
    delivered: i64,
    delivery_seconds: i64,
    cancelled: i64,
}

/// One day's quarters added up.
#[derive(Default)]
struct Sums {
    orders: i64,
    revenue: Decimal,
    cancelled: i64,
    prepared: i64,
    prep_seconds: i64,
    delivered: i64,
    delivery_seconds: i64,
}

impl Sums {
    fn add(&mut self, row: &ServiceRow) {
        self.prepared += row.prepared;
        self.prep_seconds += row.prep_seconds;
        self.delivered += row.delivered;
        self.delivery_seconds += row.delivery_seconds;
        self.cancelled += row.cancelled;
    }

    fn figures(self) -> Result<DayFigures, DbError> {
        Ok(DayFigures::from_sums(
            (
                count("revenue_view.order_count", self.orders)?,
                self.revenue,
                count("service_times_view.cancelled", self.cancelled)?,
            ),
            (
                count("service_times_view.prepared", self.prepared)?,
                self.prep_seconds,
            ),
            (
                count("service_times_view.delivered", self.delivered)?,
                self.delivery_seconds,
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yesterday_counts_up_to_the_quarter_of_the_same_time_of_day() {
        let at = |text: &str| text.parse::<DateTime<Utc>>().unwrap();
        let days = Days::of(
            at("2026-12-08T13:40:00Z"),
            at("2026-12-08T05:00:00Z"),
            at("2026-12-07T05:00:00Z"),
        );
        assert_eq!(days.index("2026-12-08T05:00:00Z"), Some(0));
        assert_eq!(days.index("2026-12-08T13:30:00Z"), Some(0));
        assert_eq!(days.index("2026-12-07T05:00:00Z"), Some(1));
        assert_eq!(days.index("2026-12-07T13:30:00Z"), Some(1));
        assert_eq!(days.index("2026-12-07T13:45:00Z"), None);
        assert_eq!(days.index("2026-12-07T04:45:00Z"), None);
    }
}
