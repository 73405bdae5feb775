//! `GetPriceQuote`: what an order would cost if placed now, from the same rows and rules
//! `PlaceOrder` charges by (the stored menu, `pricing::bill`), so the checkout shows the
//! customer the total they will pay before they commit.

use crate::db::DbError;
use crate::menu::load_pizzas;
use crate::orders::domain::subtotal_of;
use crate::pricing::bill;
use app::contracts::{GetPriceQuote, TotalBreakdown};
use chrono::Utc;
use mediator::{Context, Done, Outcome, Problem, RequestHandler};
use sqlx::AnyPool;

/// Answers [`GetPriceQuote`]; lines or a promo code that placing would refuse are 422s.
pub(crate) struct GetPriceQuoteHandler {
    pub pool: AnyPool,
}

impl RequestHandler<GetPriceQuote> for GetPriceQuoteHandler {
    #[tracing::instrument(name = "GetPriceQuote", skip_all, fields(lines = query.pizza_items.len()))]
    async fn handle(&self, query: GetPriceQuote, _ctx: &mut Context) -> Outcome<TotalBreakdown> {
        let mut conn = self.pool.acquire().await.map_err(DbError::from)?;
        let ordered = query.pizza_items.iter().map(|item| item.pizza_id.as_str());
        let menu = load_pizzas(&mut *conn, ordered).await?;
        let subtotal = subtotal_of(&query.pizza_items, &menu).map_err(Problem::validation)?;
        let promo = query.promo_code.as_deref();
        Ok(Done::ok(
            bill(&mut conn, subtotal, promo, Utc::now()).await?,
        ))
    }
}
