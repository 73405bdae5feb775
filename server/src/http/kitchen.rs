//! REST routes of the kitchen: `GET /api/kitchen/queue`, the orders to cook, oldest first.
//! Chefs and managers only (see the policy table in `wiring.rs`).

use crate::http::AppState;
use crate::http::query::ApiQuery;
use crate::http::reply::ApiResult;
use crate::http::session::Sender;
use app::contracts::{GetKitchenQueue, KitchenTicket};
use axum::{Router, routing::get};

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/kitchen/queue", get(kitchen_queue))
}

async fn kitchen_queue(
    sender: Sender,
    ApiQuery(query): ApiQuery<GetKitchenQueue>,
) -> ApiResult<Vec<KitchenTicket>> {
    sender.send(query).await
}
