//! REST routes of the kitchen: `GET /api/kitchen/queue`, the orders to cook, oldest first.
//! Chefs and managers only (see the policy table in `wiring.rs`).

use crate::http::AppState;
use crate::http::reply::send_query;
use app::contracts::GetKitchenQueue;
use axum::{Router, routing::get};

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/kitchen/queue", get(send_query::<GetKitchenQueue>))
}
