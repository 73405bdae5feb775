//! `GetShopZone`: the shop's time zone and the offsets it keeps around now, which a page
//! needs to show times on the shop's clock, from the schedule the placements are held
//! to (`ShopClock`: no database read most of the time).

use crate::hours::clock::ShopClock;
use app::contracts::{GetShopZone, ShopZone};
use chrono::Utc;
use mediator::{Context, Done, Outcome, RequestHandler};

/// Answers [`GetShopZone`].
pub(crate) struct GetShopZoneHandler {
    pub clock: ShopClock,
}

impl RequestHandler<GetShopZone> for GetShopZoneHandler {
    #[tracing::instrument(name = "GetShopZone", skip_all)]
    async fn handle(&self, _query: GetShopZone, _ctx: &mut Context) -> Outcome<ShopZone> {
        let schedule = self.clock.schedule().await?;
        Ok(Done::ok(ShopZone::clone(&schedule.shop_zone(Utc::now()))))
    }
}
