//! REST routes of analytics: `GET /api/analytics/popular-pizzas?days=&limit=`,
//! `GET /api/analytics/revenue?from=&to=&bucket=hour|day` and
//! `GET /api/analytics/orders-by-status?days=`. Managers only (see the policy table in
//! `wiring.rs`).

use crate::http::AppState;
use crate::http::query::ApiQuery;
use crate::http::reply::ApiResult;
use crate::http::session::Sender;
use app::contracts::{
    GetOrderCountsByStatus, GetPopularPizzas, GetRevenue, PopularPizza, RevenueBucket, StatusCount,
};
use axum::{Router, routing::get};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/analytics/popular-pizzas", get(popular_pizzas))
        .route("/analytics/revenue", get(revenue))
        .route("/analytics/orders-by-status", get(orders_by_status))
}

async fn popular_pizzas(
    sender: Sender,
    ApiQuery(query): ApiQuery<GetPopularPizzas>,
) -> ApiResult<Vec<PopularPizza>> {
    sender.send(query).await
}

async fn revenue(
    sender: Sender,
    ApiQuery(query): ApiQuery<GetRevenue>,
) -> ApiResult<Vec<RevenueBucket>> {
    sender.send(query).await
}

async fn orders_by_status(
    sender: Sender,
    ApiQuery(query): ApiQuery<GetOrderCountsByStatus>,
) -> ApiResult<Vec<StatusCount>> {
    sender.send(query).await
}
