//! REST routes of the kitchen: `GET /api/kitchen/queue`, the orders to cook, oldest first.
//! Chefs and managers only (see the policy table in `wiring.rs`).

use crate::http::AppState;
use crate::http::query::ApiQuery;
use crate::http::reply::{ApiResult, send_query};
use crate::http::session::Sender;
use app::contracts::{GetKitchenQueue, KitchenTicket};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(kitchen_queue))
}

/// The orders to cook and cooking, oldest first (chefs).
#[utoipa::path(get, path = "/kitchen/queue", tag = "kitchen", params(GetKitchenQueue),
    responses((status = 200, description = "The queue.", body = Vec<KitchenTicket>)),
    security(("session" = [])))]
async fn kitchen_queue(
    sender: Sender,
    query: ApiQuery<GetKitchenQueue>,
) -> ApiResult<Vec<KitchenTicket>> {
    send_query(sender, query).await
}
