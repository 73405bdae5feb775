//! REST routes of the kitchen: `GET /api/kitchen/queue`, the orders to cook, oldest first.
//! Open to anyone for now; staff authorization comes with its own issue.

use crate::http::AppState;
use crate::http::query::ApiQuery;
use crate::http::reply::{ApiResult, send};
use app::contracts::{GetKitchenQueue, KitchenTicket};
use axum::extract::State;
use axum::{Router, routing::get};

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/kitchen/queue", get(kitchen_queue))
}

async fn kitchen_queue(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<GetKitchenQueue>,
) -> ApiResult<Vec<KitchenTicket>> {
    send(&state, query).await
}
