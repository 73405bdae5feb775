//! `GetRevenue`: revenue and order count per hour or day of the shop's clock over a
//! period, summed from the revenue view's UTC quarters, with every bucket of the period
//! listed (zeros where nothing was sold). A day is midnight to midnight in the shop's
//! time zone, 23 or 25 hours long across a daylight-saving change.

use crate::analytics::buckets::{QUARTER, next_start, quarter_key, start_of};
use crate::db::{DbError, count, decimal};
use crate::hours::ShopClock;
use crate::projections::ReadModels;
use app::contracts::{GetRevenue, RevenueBucket, TimeBucket};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use mediator::{Context, Done, Outcome, RequestHandler};
use rust_decimal::Decimal;

/// Answers [`GetRevenue`]; `GetRevenue::validate` bounds the number of buckets.
pub(crate) struct GetRevenueHandler {
    pub read: ReadModels,
    /// The shop's clock, whose hours and days are summed.
    pub clock: ShopClock,
}

impl RequestHandler<GetRevenue> for GetRevenueHandler {
    #[tracing::instrument(name = "GetRevenue", skip_all, fields(bucket = query.bucket.as_str()))]
    async fn handle(&self, query: GetRevenue, _ctx: &mut Context) -> Outcome<Vec<RevenueBucket>> {
        let zone = self.clock.schedule().await?.zone;
        let first = bucket_named(query.bucket, query.from, zone);
        let last = bucket_named(query.bucket, query.to, zone);
        let end = next_start(query.bucket, last, zone);
        let statement = sqlx::query_as(
            "SELECT bucket_start, revenue, order_count FROM revenue_view \
             WHERE bucket = $1 AND bucket_start >= $2 AND bucket_start < $3 \
             ORDER BY bucket_start",
        )
        .bind(QUARTER)
        .bind(quarter_key(first))
        .bind(quarter_key(end));
        let rows: Vec<(String, String, i64)> =
            self.read.fetch_all(query.min_position, statement).await?;
        let quarters = rows
            .into_iter()
            .map(|(start, revenue, orders)| {
                let at = start
                    .parse::<DateTime<Utc>>()
                    .map_err(|_| crate::db::corrupt("revenue_view.bucket_start", &start))?;
                let revenue = decimal("revenue_view.revenue", &revenue)?;
                let orders: u64 = count("revenue_view.order_count", orders)?;
                Ok((at, revenue, orders))
            })
            .collect::<Result<Vec<_>, DbError>>()?;
        Ok(Done::ok(sum_into(query.bucket, first, end, zone, quarters)))
    }
}

/// The start of the bucket `time` names: for days, a date (`2026-01-31`, read as its
/// midnight UTC) is that day of the shop's clock; any other time, the bucket holding it.
fn bucket_named(bucket: TimeBucket, time: DateTime<Utc>, zone: Tz) -> DateTime<Utc> {
    if bucket == TimeBucket::Day && time.time() == chrono::NaiveTime::MIN {
        crate::hours::local_instant(zone, time.naive_utc())
    } else {
        start_of(bucket, time, zone)
    }
}

/// The `bucket`s of `zone` from the one starting at `first` to the one ending at `end`,
/// each with the `quarters` (time, revenue, orders; in time order) that fall in it.
fn sum_into(
    bucket: TimeBucket,
    first: DateTime<Utc>,
    end: DateTime<Utc>,
    zone: Tz,
    quarters: Vec<(DateTime<Utc>, Decimal, u64)>,
) -> Vec<RevenueBucket> {
    let mut quarters = quarters.into_iter().peekable();
    let mut buckets = Vec::new();
    let mut start = first;
    while start < end {
        let next = next_start(bucket, start, zone);
        let mut sold = RevenueBucket {
            start,
            revenue: Decimal::new(0, 2),
            order_count: 0,
        };
        while let Some((_, revenue, orders)) = quarters.next_if(|(at, _, _)| *at < next) {
            sold.revenue += revenue;
            sold.order_count += orders;
        }
        buckets.push(sold);
        start = next;
    }
    buckets
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn the_shops_days_hold_their_quarters_across_a_daylight_saving_change() {
        let new_york = chrono_tz::America::New_York;
        // Sold at 23:50 on Saturday 13 March (EST, 04:50Z on the 14th), at 23:50 on
        // Sunday 14 March (EDT, 03:50Z on the 15th) and at 00:10 on Monday 15 March.
        let quarters = vec![
            (at("2027-03-14T04:45:00Z"), Decimal::new(1000, 2), 1),
            (at("2027-03-15T03:45:00Z"), Decimal::new(2000, 2), 1),
            (at("2027-03-15T04:00:00Z"), Decimal::new(4000, 2), 2),
        ];
        let first = start_of(TimeBucket::Day, at("2027-03-13T12:00:00Z"), new_york);
        let end = next_start(
            TimeBucket::Day,
            start_of(TimeBucket::Day, at("2027-03-15T12:00:00Z"), new_york),
            new_york,
        );

        let days = sum_into(TimeBucket::Day, first, end, new_york, quarters);

        let summed: Vec<(DateTime<Utc>, String, u64)> = days
            .iter()
            .map(|day| (day.start, day.revenue.to_string(), day.order_count))
            .collect();
        assert_eq!(
            summed,
            [
                (at("2027-03-13T05:00:00Z"), "10.00".to_owned(), 1),
                (at("2027-03-14T05:00:00Z"), "20.00".to_owned(), 1),
                (at("2027-03-15T04:00:00Z"), "40.00".to_owned(), 2),
            ]
        );
    }

    #[test]
    fn a_date_names_that_day_of_the_shops_clock() {
        let new_york = chrono_tz::America::New_York;
        assert_eq!(
            bucket_named(TimeBucket::Day, at("2027-03-14T00:00:00Z"), new_york),
            at("2027-03-14T05:00:00Z")
        );
        assert_eq!(
            bucket_named(TimeBucket::Day, at("2027-03-14T02:00:00Z"), new_york),
            at("2027-03-13T05:00:00Z")
        );
    }

    #[test]
    fn the_hours_of_a_day_the_clocks_go_back_are_twenty_five() {
        let new_york = chrono_tz::America::New_York;
        let first = start_of(TimeBucket::Day, at("2027-11-07T12:00:00Z"), new_york);
        let end = next_start(TimeBucket::Day, first, new_york);

        let hours = sum_into(TimeBucket::Hour, first, end, new_york, Vec::new());

        assert_eq!(hours.len(), 25);
        assert!(hours.iter().all(|hour| hour.order_count == 0));
    }
}
