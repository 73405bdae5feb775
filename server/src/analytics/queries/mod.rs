//! Analytics queries, one handler per file; each reads only the analytics read models.

mod get_popular_pizzas;
mod get_revenue;

pub(crate) use get_popular_pizzas::GetPopularPizzasHandler;
pub(crate) use get_revenue::GetRevenueHandler;
