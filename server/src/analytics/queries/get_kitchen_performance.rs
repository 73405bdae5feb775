//! `GetKitchenPerformance`: how the kitchen cooked over the last days of the shop's
//! clock, from the orders the kitchen performance view holds as cooked: the kitchen's
//! figures, the busiest hour, and each chef's.

use crate::analytics::buckets::first_day_start;
use crate::db::{DbError, timestamp};
use crate::hours::ShopClock;
use crate::projections::ReadModels;
use app::contracts::{
    ChefFigures, CookingFigures, GetKitchenPerformance, HourCount, KitchenPerformance,
};
use chrono::{Timelike, Utc};
use chrono_tz::Tz;
use mediator::{Context, Done, Outcome, RequestHandler};
use std::collections::BTreeMap;

/// Answers [`GetKitchenPerformance`].
pub(crate) struct GetKitchenPerformanceHandler {
    pub read: ReadModels,
    /// The shop's clock, whose days and hours are counted.
    pub clock: ShopClock,
}

/// A `cooked_orders_view` row.
#[derive(sqlx::FromRow)]
struct Cooked {
    chef: Option<String>,
    ready_at: String,
    cooking_seconds: i64,
    estimate_seconds: i64,
}

impl RequestHandler<GetKitchenPerformance> for GetKitchenPerformanceHandler {
    #[tracing::instrument(name = "GetKitchenPerformance", skip_all, fields(days = query.days))]
    async fn handle(
        &self,
        query: GetKitchenPerformance,
        _ctx: &mut Context,
    ) -> Outcome<KitchenPerformance> {
        let zone = self.clock.schedule().await?.zone;
        let since = first_day_start(query.days, Utc::now(), zone);
        let statement = sqlx::query_as(
            "SELECT chef, ready_at, cooking_seconds, estimate_seconds FROM cooked_orders_view \
             WHERE ready_at >= $1",
        )
        .bind(crate::db::timestamp_text(since));
        let rows: Vec<Cooked> = self.read.fetch_all(query.min_position, statement).await?;
        Ok(Done::ok(performance(query.days, rows, zone)?))
    }
}

/// The figures of the cooked orders `rows`, hours on the clock of `zone`.
fn performance(days: u32, rows: Vec<Cooked>, zone: Tz) -> Result<KitchenPerformance, DbError> {
    let mut all = Vec::with_capacity(rows.len());
    let mut by_chef: BTreeMap<String, Vec<(u32, u32)>> = BTreeMap::new();
    let mut by_hour = [0u32; 24];
    for row in rows {
        let secs = |value: i64| u32::try_from(value.max(0)).unwrap_or(u32::MAX);
        let order = (secs(row.cooking_seconds), secs(row.estimate_seconds));
        all.push(order);
        if let Some(chef) = row.chef {
            by_chef.entry(chef).or_default().push(order);
        }
        let ready = timestamp("cooked_orders_view.ready_at", &row.ready_at)?;
        let hour = ready.with_timezone(&zone).hour() as usize;
        by_hour[hour] += 1;
    }
    // The earliest of the busiest hours.
    let busiest_hour = (0u32..)
        .zip(by_hour)
        .filter(|(_, orders)| *orders > 0)
        .max_by(|(a_hour, a), (b_hour, b)| a.cmp(b).then(b_hour.cmp(a_hour)))
        .map(|(hour, orders)| HourCount { hour, orders });
    let mut chefs: Vec<ChefFigures> = by_chef
        .into_iter()
        .map(|(chef, orders)| ChefFigures {
            chef,
            figures: CookingFigures::of(&orders),
        })
        .collect();
    chefs.sort_by(|a, b| {
        b.figures
            .orders
            .cmp(&a.figures.orders)
            .then(a.chef.cmp(&b.chef))
    });
    Ok(KitchenPerformance {
        days,
        kitchen: CookingFigures::of(&all),
        busiest_hour,
        chefs,
    })
}
