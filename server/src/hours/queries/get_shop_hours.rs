//! `GetShopHours`: the opening hours in force and where the shop stands now, read from
//! the write model's one row (the hours a manager set, else the configured defaults).

use crate::db::DbError;
use crate::hours::clock::ShopClock;
use crate::hours::shop_hours;
use crate::hours::store::load_hours;
use app::contracts::{GetShopHours, ShopHours};
use chrono::Utc;
use mediator::{Context, Done, Outcome, RequestHandler};

/// Answers [`GetShopHours`].
pub(crate) struct GetShopHoursHandler {
    pub clock: ShopClock,
}

impl RequestHandler<GetShopHours> for GetShopHoursHandler {
    #[tracing::instrument(name = "GetShopHours", skip_all)]
    async fn handle(&self, _query: GetShopHours, _ctx: &mut Context) -> Outcome<ShopHours> {
        let mut conn = self.clock.pool().acquire().await.map_err(DbError::from)?;
        let stored = load_hours(&mut conn).await?.hours;
        drop(conn);
        let schedule = self.clock.in_force(stored)?;
        Ok(Done::ok(shop_hours(&schedule, Utc::now())))
    }
}
