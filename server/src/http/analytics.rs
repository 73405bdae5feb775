//! REST routes of analytics: `GET /api/analytics/popular-pizzas?days=&limit=`,
//! `GET /api/analytics/revenue?from=&to=&bucket=hour|day` and
//! `GET /api/analytics/orders-by-status?days=`. Managers only (see the policy table in
//! `wiring.rs`).

use crate::http::AppState;
use crate::http::reply::send_query;
use app::contracts::{GetOrderCountsByStatus, GetPopularPizzas, GetRevenue};
use axum::{Router, routing::get};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/analytics/popular-pizzas",
            get(send_query::<GetPopularPizzas>),
        )
        .route("/analytics/revenue", get(send_query::<GetRevenue>))
        .route(
            "/analytics/orders-by-status",
            get(send_query::<GetOrderCountsByStatus>),
        )
}
