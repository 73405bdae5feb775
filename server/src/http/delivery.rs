//! REST routes of delivery: `GET /api/delivery/board`, the orders waiting for a driver,
//! then those on the road. Drivers and managers only (see the policy table in `wiring.rs`).

use crate::http::AppState;
use crate::http::query::ApiQuery;
use crate::http::reply::ApiResult;
use crate::http::session::Sender;
use app::contracts::{DeliveryTicket, GetDeliveryBoard};
use axum::{Router, routing::get};

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/delivery/board", get(delivery_board))
}

async fn delivery_board(
    sender: Sender,
    ApiQuery(query): ApiQuery<GetDeliveryBoard>,
) -> ApiResult<Vec<DeliveryTicket>> {
    sender.send(query).await
}
