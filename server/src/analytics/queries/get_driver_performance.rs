//! `GetDriverPerformance`: the deliveries of the last days of the shop's clock and each
//! driver's time on the road, from the driver performance view.

use crate::analytics::buckets::first_day_start;
use crate::db::timestamp_text;
use crate::hours::ShopClock;
use crate::projections::ReadModels;
use app::contracts::{DriverFigures, DriverPerformance, GetDriverPerformance, RoadFigures};
use chrono::Utc;
use mediator::{Context, Done, Outcome, RequestHandler};
use std::collections::BTreeMap;

/// Answers [`GetDriverPerformance`].
pub(crate) struct GetDriverPerformanceHandler {
    pub read: ReadModels,
    /// The shop's clock, whose days are counted.
    pub clock: ShopClock,
}

impl RequestHandler<GetDriverPerformance> for GetDriverPerformanceHandler {
    #[tracing::instrument(name = "GetDriverPerformance", skip_all, fields(days = query.days))]
    async fn handle(
        &self,
        query: GetDriverPerformance,
        _ctx: &mut Context,
    ) -> Outcome<DriverPerformance> {
        let zone = self.clock.schedule().await?.zone;
        let since = first_day_start(query.days, Utc::now(), zone);
        let statement = sqlx::query_as(
            "SELECT driver, road_seconds FROM delivered_orders_view WHERE delivered_at >= $1",
        )
        .bind(timestamp_text(since));
        let rows: Vec<(String, i64)> = self.read.fetch_all(query.min_position, statement).await?;
        Ok(Done::ok(performance(query.days, rows)))
    }
}

/// The figures of the deliveries `rows` (driver, seconds on the road).
fn performance(days: u32, rows: Vec<(String, i64)>) -> DriverPerformance {
    let mut all = Vec::with_capacity(rows.len());
    let mut by_driver: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (driver, seconds) in rows {
        let seconds = u32::try_from(seconds.max(0)).unwrap_or(u32::MAX);
        all.push(seconds);
        by_driver.entry(driver).or_default().push(seconds);
    }
    let mut drivers: Vec<DriverFigures> = by_driver
        .into_iter()
        .map(|(driver, road)| DriverFigures {
            driver,
            figures: RoadFigures::of(&road),
        })
        .collect();
    drivers.sort_by(|a, b| {
        (b.figures.deliveries.cmp(&a.figures.deliveries)).then(a.driver.cmp(&b.driver))
    });
    DriverPerformance {
        days,
        all: RoadFigures::of(&all),
        drivers,
    }
}
