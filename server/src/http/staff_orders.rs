//! REST routes of the order lifecycle, for staff: `PUT /api/orders/{id}/cook`, `/ready`,
//! `/items/{line}/ready`, `/assign {driver}`, `/deliver` and `/cancel {reason}`. Each answers 200
//! `{order_id, status, position}`; who may send which is the mediator's authorization
//! behavior's business, not the route's.

use crate::http::AppState;
use crate::http::json::{ApiJson, OptionalApiJson};
use crate::http::orders::order_id;
use crate::http::problem::ApiProblem;
use crate::http::reply::ApiResult;
use crate::http::session::Sender;
use app::contracts::{
    AssignDelivery, CancelOrder, MarkOrderDelivered, MarkOrderReady, MarkPizzaReady,
    OrderStatusChanged, StartCooking,
};
use axum::extract::Path;
use mediator::{FieldError, Problem, Request};
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(start_cooking))
        .routes(routes!(mark_order_ready))
        .routes(routes!(mark_pizza_ready))
        .routes(routes!(assign_delivery))
        .routes(routes!(mark_order_delivered))
        .routes(routes!(cancel))
}

/// The body of `PUT /orders/{id}/cook`, which may be left out.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct CookingPlan {
    /// How long it takes in the oven, as the chef judges it: 1 to 180 minutes. Left out,
    /// the recipes' time. The order's estimated ready time follows.
    #[serde(default)]
    minutes: Option<u32>,
}

/// A chef starts cooking a pending order, for as long as they say or the recipes' time.
#[utoipa::path(put, path = "/orders/{id}/cook", tag = "lifecycle",
    request_body = Option<CookingPlan>,
    params(("id" = Uuid, Path, description = "The order's id.")),
    responses((status = 200, description = "Cooking.", body = OrderStatusChanged),
        (status = 409, description = "The order is not pending."),
        (status = 503, description = "The kitchen cooks as many orders as it can.")),
    security(("session" = [])))]
async fn start_cooking(
    sender: Sender,
    Path(id): Path<String>,
    OptionalApiJson(plan): OptionalApiJson<CookingPlan>,
) -> ApiResult<OrderStatusChanged> {
    let order_id = order_id(&id)?;
    let minutes = plan.and_then(|plan| plan.minutes);
    sender.send(StartCooking { order_id, minutes }).await
}

/// A chef marks a cooking order ready for delivery.
#[utoipa::path(put, path = "/orders/{id}/ready", tag = "lifecycle",
    params(("id" = Uuid, Path, description = "The order's id.")),
    responses((status = 200, description = "Ready.", body = OrderStatusChanged),
        (status = 409, description = "The order is not cooking.")),
    security(("session" = [])))]
async fn mark_order_ready(sender: Sender, id: Path<String>) -> ApiResult<OrderStatusChanged> {
    step::<MarkOrderReady>(sender, id).await
}

/// A chef marks one line of a cooking order out of the oven; the order is ready once its
/// last line is (the answer's `status`).
#[utoipa::path(put, path = "/orders/{id}/items/{line}/ready", tag = "lifecycle",
    params(("id" = Uuid, Path, description = "The order's id."),
        ("line" = u32, Path, description = "The line, counting from 0 in the order's `lines`.")),
    responses((status = 200, description = "Out of the oven; `status` is `cooking`, or `ready` \
            after the last line.", body = OrderStatusChanged),
        (status = 404, description = "No such order, or the order has no such line."),
        (status = 409, description = "The order is not cooking, or the line is already out.")),
    security(("session" = [])))]
async fn mark_pizza_ready(
    sender: Sender,
    Path((id, line)): Path<(String, String)>,
) -> ApiResult<OrderStatusChanged> {
    let order_id = order_id(&id)?;
    let line = line.parse::<u32>().map_err(|_| {
        let error = FieldError::new("line", "A line is a whole number from 0.");
        ApiProblem(Problem::bad_request("The line number is malformed.").with_errors(vec![error]))
    })?;
    sender.send(MarkPizzaReady { order_id, line }).await
}

/// The driver who delivered an order says so.
#[utoipa::path(put, path = "/orders/{id}/deliver", tag = "lifecycle",
    params(("id" = Uuid, Path, description = "The order's id.")),
    responses((status = 200, description = "Delivered.", body = OrderStatusChanged),
        (status = 409, description = "The order is not out for delivery.")),
    security(("session" = [])))]
async fn mark_order_delivered(sender: Sender, id: Path<String>) -> ApiResult<OrderStatusChanged> {
    step::<MarkOrderDelivered>(sender, id).await
}

/// A command that names nothing but the order it moves on.
trait OrderStep: Request<Response = OrderStatusChanged> {
    fn of(order_id: Uuid) -> Self;
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

/// `PUT /orders/{id}/ready`, `/deliver`: the step `C` for the order.
async fn step<C: OrderStep>(
    sender: Sender,
    Path(id): Path<String>,
) -> ApiResult<OrderStatusChanged> {
    sender.send(C::of(order_id(&id)?)).await
}

/// The body of `PUT /orders/{id}/assign`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct Assignment {
    /// The driver's username.
    driver: String,
}

/// Gives a ready order to a driver, who takes it out.
#[utoipa::path(put, path = "/orders/{id}/assign", tag = "lifecycle", request_body = Assignment,
    params(("id" = Uuid, Path, description = "The order's id.")),
    responses((status = 200, description = "On its way.", body = OrderStatusChanged),
        (status = 409, description = "The order is not ready.")),
    security(("session" = [])))]
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
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct Cancellation {
    /// Why, in words the customer will read.
    reason: String,
}

/// Cancels an order not yet out for delivery: chefs and managers any, a customer their own.
#[utoipa::path(put, path = "/orders/{id}/cancel", tag = "lifecycle", request_body = Cancellation,
    params(("id" = Uuid, Path, description = "The order's id.")),
    responses((status = 200, description = "Cancelled.", body = OrderStatusChanged),
        (status = 409, description = "The order is out for delivery or done.")),
    security(("session" = [])))]
async fn cancel(
    sender: Sender,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Cancellation>,
) -> ApiResult<OrderStatusChanged> {
    let order_id = order_id(&id)?;
    let reason = body.reason;
    sender.send(CancelOrder { order_id, reason }).await
}
