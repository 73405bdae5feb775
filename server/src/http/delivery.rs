//! REST routes of delivery: `GET /api/delivery/board`, the orders waiting for a driver,
//! then those on the road, and `GET /api/delivery/drivers`, whom the caller may give an
//! order to. Drivers and managers only (see the policy table in `wiring.rs`).

use crate::http::AppState;
use crate::http::reply::send_query;
use app::contracts::{GetDeliveryBoard, ListDrivers};
use axum::{Router, routing::get};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/delivery/board", get(send_query::<GetDeliveryBoard>))
        .route("/delivery/drivers", get(send_query::<ListDrivers>))
}
