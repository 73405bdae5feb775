//! `GetShopPricing`: the shop's pricing as the manager last set it, read from the write
//! model: one row, read right after an update, and the same row every placement reads.

use crate::db::DbError;
use crate::pricing::store::load_pricing;
use app::contracts::{GetShopPricing, ShopPricing};
use mediator::{Context, Done, Outcome, RequestHandler};
use sqlx::AnyPool;

/// Answers [`GetShopPricing`].
pub(crate) struct GetShopPricingHandler {
    pub pool: AnyPool,
}

impl RequestHandler<GetShopPricing> for GetShopPricingHandler {
    #[tracing::instrument(name = "GetShopPricing", skip_all)]
    async fn handle(&self, _query: GetShopPricing, _ctx: &mut Context) -> Outcome<ShopPricing> {
        let mut conn = self.pool.acquire().await.map_err(DbError::from)?;
        Ok(Done::ok(load_pricing(&mut conn).await?.pricing))
    }
}
