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
use mediator::Request;
use serde::Deserialize;
use uuid::Uuid;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/orders/{id}/cook", put(step::<StartCooking>))
        .route("/orders/{id}/ready", put(step::<MarkOrderReady>))
        .route("/orders/{id}/assign", put(assign_delivery))
        .route("/orders/{id}/deliver", put(step::<MarkOrderDelivered>))
        .route("/orders/{id}/cancel", put(cancel))
}

/// A command that names nothing but the order it moves on.
trait OrderStep: Request<Response = OrderStatusChanged> {
    fn of(order_id: Uuid) -> Self;
}

impl OrderStep for StartCooking {
    fn of(order_id: Uuid) -> Self {
        Self { order_id }
    }
}

impl OrderStep for MarkOrderReady {
    fn of(order_id: Uuid) -> Self {
        Self { order_id }
    }
}

impl OrderStep for MarkOrderDelivered {
    fn of(order_id: Uuid) -> Self {
        Self { order_id }
    }
}

/// `PUT /orders/{id}/cook`, `/ready`, `/deliver`: the step `C` for the order.
async fn step<C: OrderStep>(
    sender: Sender,
    Path(id): Path<String>,
) -> ApiResult<OrderStatusChanged> {
    sender.send(C::of(order_id(&id)?)).await
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
