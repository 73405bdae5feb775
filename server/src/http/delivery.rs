//! REST routes of delivery: `GET /api/delivery/board`, the orders waiting for a driver,
//! then those on the road. Drivers and managers only (see the policy table in `wiring.rs`).

use crate::http::AppState;
use crate::http::query::ApiQuery;
use crate::http::reply::{ApiResult, send};
use app::contracts::{Caller, DeliveryTicket, GetDeliveryBoard};
use axum::Extension;
use axum::extract::State;
use axum::{Router, routing::get};

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/delivery/board", get(delivery_board))
}

async fn delivery_board(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    ApiQuery(query): ApiQuery<GetDeliveryBoard>,
) -> ApiResult<Vec<DeliveryTicket>> {
    send(&state, caller, query).await
}
