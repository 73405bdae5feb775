//! `GetShopStatus`: whether the shop takes orders now, in the sentence the menu shows,
//! from the schedule the placements are held to (`ShopClock`: no database read most of
//! the time).

use crate::hours::clock::ShopClock;
use crate::hours::shop_hours;
use app::contracts::{GetShopStatus, ShopStatus};
use chrono::Utc;
use mediator::{Context, Done, Outcome, RequestHandler};

/// Answers [`GetShopStatus`].
pub(crate) struct GetShopStatusHandler {
    pub clock: ShopClock,
}

impl RequestHandler<GetShopStatus> for GetShopStatusHandler {
    #[tracing::instrument(name = "GetShopStatus", skip_all)]
    async fn handle(&self, _query: GetShopStatus, _ctx: &mut Context) -> Outcome<ShopStatus> {
        let hours = shop_hours(&*self.clock.schedule().await?, Utc::now());
        Ok(Done::ok(ShopStatus {
            open_now: hours.open_now,
            standing: hours.standing(),
        }))
    }
}
