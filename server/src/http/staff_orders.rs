//! REST routes of the order lifecycle, for staff: `PUT /api/orders/{id}/cook`, `/ready`,
//! `/assign {driver}`, `/deliver` and `/cancel {reason}`. Each answers 200
//! `{order_id, status, position}`; who may send which is the mediator's authorization
//! behavior's business, not the route's.

use crate::http::AppState;
use crate::http::json::ApiJson;
use crate::http::orders::order_id;
use crate::http::reply::ApiResult;
use crate::http::session::Sender;
use app::contracts::{
    AssignDelivery, CancelOrder, MarkOrderDelivered, MarkOrderReady, OrderStatusChanged,
    StartCooking,
};
use axum::Router;
use axum::extract::Path;
use axum::routing::put;
use serde::Deserialize;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/orders/{id}/cook", put(start_cooking))
        .route("/orders/{id}/ready", put(mark_ready))
        .route("/orders/{id}/assign", put(assign_delivery))
        .route("/orders/{id}/deliver", put(mark_delivered))
        .route("/orders/{id}/cancel", put(cancel))
}

async fn start_cooking(sender: Sender, Path(id): Path<String>) -> ApiResult<OrderStatusChanged> {
    let order_id = order_id(&id)?;
    sender.send(StartCooking { order_id }).await
}

async fn mark_ready(sender: Sender, Path(id): Path<String>) -> ApiResult<OrderStatusChanged> {
    let order_id = order_id(&id)?;
    sender.send(MarkOrderReady { order_id }).await
}

/// The body of `PUT /orders/{id}/assign`.
#[derive(Deserialize)]
struct Assignment {
    driver: String,
}

async fn assign_delivery(
    sender: Sender,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Assignment>,
) -> ApiResult<OrderStatusChanged> {
    let order_id = order_id(&id)?;
    let driver = body.driver;
    sender.send(AssignDelivery { order_id, driver }).await
}

async fn mark_delivered(sender: Sender, Path(id): Path<String>) -> ApiResult<OrderStatusChanged> {
    let order_id = order_id(&id)?;
    sender.send(MarkOrderDelivered { order_id }).await
}

/// The body of `PUT /orders/{id}/cancel`.
#[derive(Deserialize)]
struct Cancellation {
    reason: String,
}

async fn cancel(
    sender: Sender,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Cancellation>,
) -> ApiResult<OrderStatusChanged> {
    let order_id = order_id(&id)?;
    let reason = body.reason;
    sender.send(CancelOrder { order_id, reason }).await
}
