//! REST routes of delivery: `GET /api/delivery/board`, the orders waiting for a driver,
//! then those on the road, and `GET /api/delivery/drivers`, whom the caller may give an
//! order to. Drivers and managers only (see the policy table in `wiring.rs`).

use crate::http::AppState;
use crate::http::query::ApiQuery;
use crate::http::reply::ApiResult;
use crate::http::session::Sender;
use app::contracts::{DeliveryTicket, GetDeliveryBoard, ListDrivers};
use axum::{Router, routing::get};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/delivery/board", get(delivery_board))
        .route("/delivery/drivers", get(drivers))
}

async fn delivery_board(
    sender: Sender,
    ApiQuery(query): ApiQuery<GetDeliveryBoard>,
) -> ApiResult<Vec<DeliveryTicket>> {
    sender.send(query).await
}

async fn drivers(sender: Sender) -> ApiResult<Vec<String>> {
    sender.send(ListDrivers {}).await
}
