//! `ListPromoCodes`: every promo code with its uses, for managers, read from the write
//! model (the uses counter lives there, and a manager reads right after a change).

use crate::db::DbError;
use crate::pricing::store::list_promos;
use app::contracts::{ListPromoCodes, PromoCode};
use mediator::{Context, Done, Outcome, RequestHandler};
use sqlx::AnyPool;

/// Answers [`ListPromoCodes`], by code.
pub(crate) struct ListPromoCodesHandler {
    pub pool: AnyPool,
}

impl RequestHandler<ListPromoCodes> for ListPromoCodesHandler {
    #[tracing::instrument(name = "ListPromoCodes", skip_all)]
    async fn handle(&self, _query: ListPromoCodes, _ctx: &mut Context) -> Outcome<Vec<PromoCode>> {
        let mut conn = self.pool.acquire().await.map_err(DbError::from)?;
        Ok(Done::ok(list_promos(&mut conn).await?))
    }
}
