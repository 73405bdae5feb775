//! `GetPopularPizzas`: the most sold pizzas over the last days of the shop's clock (today
//! included), summed from the popular pizzas view's quarters of an hour.

use crate::analytics::buckets::{first_day_start, quarter_key};
use crate::db::{DbError, count};
use crate::hours::ShopClock;
use crate::projections::ReadModels;
use app::contracts::{GetPopularPizzas, PopularPizza};
use chrono::Utc;
use mediator::{Context, Done, Outcome, RequestHandler};

/// Answers [`GetPopularPizzas`]: most pizzas first, then most orders, then by id.
pub(crate) struct GetPopularPizzasHandler {
    pub read: ReadModels,
    /// The shop's clock, whose days are counted.
    pub clock: ShopClock,
}

impl RequestHandler<GetPopularPizzas> for GetPopularPizzasHandler {
    #[tracing::instrument(
        name = "GetPopularPizzas",
        skip_all,
        fields(days = query.days, limit = query.limit)
    )]
    async fn handle(
        &self,
        query: GetPopularPizzas,
        _ctx: &mut Context,
    ) -> Outcome<Vec<PopularPizza>> {
        let zone = self.clock.schedule().await?.zone;
        let since = first_day_start(query.days, Utc::now(), zone);
        // A renamed pizza keeps its id; MAX picks one of its names for the whole period.
        let statement = sqlx::query_as(
            "SELECT pizza_id, MAX(pizza_name) AS pizza_name, \
             CAST(SUM(quantity) AS BIGINT) AS total_quantity, \
             CAST(SUM(orders) AS BIGINT) AS total_orders \
             FROM popular_pizzas_view WHERE quarter >= $1 GROUP BY pizza_id \
             HAVING SUM(quantity) > 0 \
             ORDER BY total_quantity DESC, total_orders DESC, pizza_id LIMIT $2",
        )
        .bind(quarter_key(since))
        .bind(i64::from(query.limit));
        let rows: Vec<(String, String, i64, i64)> =
            self.read.fetch_all(query.min_position, statement).await?;
        let pizzas = rows
            .into_iter()
            .map(|(pizza_id, pizza_name, quantity, orders)| {
                Ok(PopularPizza {
                    pizza_id,
                    pizza_name,
                    quantity: count("popular_pizzas_view.quantity", quantity)?,
                    orders: count("popular_pizzas_view.orders", orders)?,
                })
            })
            .collect::<Result<_, DbError>>()?;
        Ok(Done::ok(pizzas))
    }
}
