//! REST routes of analytics: `GET /api/analytics/popular-pizzas?days=&limit=`,
//! `GET /api/analytics/revenue?from=&to=&bucket=hour|day` and
//! `GET /api/analytics/orders-by-status?days=`, `GET /api/analytics/overview` and
//! `GET /api/analytics/kitchen-performance?days=` and
//! `GET /api/analytics/driver-performance?days=`. Managers only (see the policy table in
//! `wiring.rs`).

use crate::http::AppState;
use crate::http::query::ApiQuery;
use crate::http::reply::{ApiResult, send_query};
use crate::http::session::Sender;
use app::contracts::{
    DriverPerformance, GetDriverPerformance, GetKitchenPerformance, GetOrderCountsByStatus,
    GetOverview, GetPopularPizzas, GetRevenue, KitchenPerformance, Overview, PopularPizza,
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
        .routes(routes!(kitchen_performance))
        .routes(routes!(driver_performance))
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

/// How the kitchen cooked over the last days: start of cooking to ready against the
/// estimate (average, nine in ten, on time), the busiest hour, and each chef's.
#[utoipa::path(get, path = "/analytics/kitchen-performance", tag = "analytics",
    params(GetKitchenPerformance),
    responses((status = 200, description = "The kitchen and its chefs.", body = KitchenPerformance)),
    security(("session" = [])))]
async fn kitchen_performance(
    sender: Sender,
    query: ApiQuery<GetKitchenPerformance>,
) -> ApiResult<KitchenPerformance> {
    send_query(sender, query).await
}

/// The deliveries of the last days and how long each driver was on the road.
#[utoipa::path(get, path = "/analytics/driver-performance", tag = "analytics",
    params(GetDriverPerformance),
    responses((status = 200, description = "Every driver and each.", body = DriverPerformance)),
    security(("session" = [])))]
async fn driver_performance(
    sender: Sender,
    query: ApiQuery<GetDriverPerformance>,
) -> ApiResult<DriverPerformance> {
    send_query(sender, query).await
}
