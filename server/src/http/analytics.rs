//! REST routes of analytics: `GET /api/analytics/popular-pizzas?days=&limit=`,
//! `GET /api/analytics/revenue?from=&to=&bucket=hour|day` and
//! `GET /api/analytics/orders-by-status?days=` and `GET /api/analytics/overview`. Managers only (see the policy table in
//! `wiring.rs`).

use crate::http::AppState;
use crate::http::query::ApiQuery;
use crate::http::reply::{ApiResult, send_query};
use crate::http::session::Sender;
use app::contracts::{
    GetOrderCountsByStatus, GetOverview, GetPopularPizzas, GetRevenue, Overview, PopularPizza,
    RevenueBucket, StatusCount,
};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(popular_pizzas))
        .routes(routes!(revenue))
        .routes(routes!(orders_by_status))
        .routes(routes!(overview))
}

/// The most ordered pizzas over the last days, cancelled orders left out.
#[utoipa::path(get, path = "/analytics/popular-pizzas", tag = "analytics",
    params(GetPopularPizzas),
    responses((status = 200, description = "Most sold first.", body = Vec<PopularPizza>)),
    security(("session" = [])))]
async fn popular_pizzas(
    sender: Sender,
    query: ApiQuery<GetPopularPizzas>,
) -> ApiResult<Vec<PopularPizza>> {
    send_query(sender, query).await
}

/// Revenue and order count per hour or day, empty buckets included.
#[utoipa::path(get, path = "/analytics/revenue", tag = "analytics", params(GetRevenue),
    responses((status = 200, description = "Oldest first.", body = Vec<RevenueBucket>)),
    security(("session" = [])))]
async fn revenue(sender: Sender, query: ApiQuery<GetRevenue>) -> ApiResult<Vec<RevenueBucket>> {
    send_query(sender, query).await
}

/// Where the orders of the last days are now, every status listed.
#[utoipa::path(get, path = "/analytics/orders-by-status", tag = "analytics",
    params(GetOrderCountsByStatus),
    responses((status = 200, description = "In lifecycle order.", body = Vec<StatusCount>)),
    security(("session" = [])))]
async fn orders_by_status(
    sender: Sender,
    query: ApiQuery<GetOrderCountsByStatus>,
) -> ApiResult<Vec<StatusCount>> {
    send_query(sender, query).await
}

/// Today so far on the shop's clock next to yesterday up to the same time of day: orders,
/// revenue, average ticket, cancellations, preparation and delivery times.
#[utoipa::path(get, path = "/analytics/overview", tag = "analytics", params(GetOverview),
    responses((status = 200, description = "Today and yesterday.", body = Overview)),
    security(("session" = [])))]
async fn overview(sender: Sender, query: ApiQuery<GetOverview>) -> ApiResult<Overview> {
    send_query(sender, query).await
}
