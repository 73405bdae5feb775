//! REST routes of the order lifecycle, for staff: `PUT /api/orders/{id}/cook`, `/ready`,
//! `/assign {driver}`, `/deliver` and `/cancel {reason}`. Each answers 200
//! `{order_id, status, position}`; who may send which is the mediator's authorization
//! behavior's business, not the route's.

use crate::http::AppState;
use crate::http::json::ApiJson;
use crate::http::orders::order_id;
use crate::http::reply::{ApiResult, send};
use app::contracts::{
    AssignDelivery, Caller, CancelOrder, MarkOrderDelivered, MarkOrderReady, OrderStatusChanged,
    StartCooking,
};
use axum::extract::{Path, State};
use axum::routing::put;
use axum::{Extension, Router};
use serde::Deserialize;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/orders/{id}/cook", put(start_cooking))
        .route("/orders/{id}/ready", put(mark_ready))
        .route("/orders/{id}/assign", put(assign_delivery))
        .route("/orders/{id}/deliver", put(mark_delivered))
        .route("/orders/{id}/cancel", put(cancel))
}

async fn start_cooking(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> ApiResult<OrderStatusChanged> {
    let order_id = order_id(&id)?;
    send(&state, caller, StartCooking { order_id }).await
}

async fn mark_ready(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> ApiResult<OrderStatusChanged> {
    let order_id = order_id(&id)?;
    send(&state, caller, MarkOrderReady { order_id }).await
}

/// The body of `PUT /orders/{id}/assign`.
#[derive(Deserialize)]
struct Assignment {
    driver: String,
}

async fn assign_delivery(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Assignment>,
) -> ApiResult<OrderStatusChanged> {
    let order_id = order_id(&id)?;
    let driver = body.driver;
    send(&state, caller, AssignDelivery { order_id, driver }).await
}

async fn mark_delivered(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> ApiResult<OrderStatusChanged> {
    let order_id = order_id(&id)?;
    send(&state, caller, MarkOrderDelivered { order_id }).await
}

/// The body of `PUT /orders/{id}/cancel`.
#[derive(Deserialize)]
struct Cancellation {
    reason: String,
}

async fn cancel(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Cancellation>,
) -> ApiResult<OrderStatusChanged> {
    let order_id = order_id(&id)?;
    let reason = body.reason;
    send(&state, caller, CancelOrder { order_id, reason }).await
}
