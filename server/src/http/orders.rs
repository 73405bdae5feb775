//! REST routes of orders: place one, list them, read one, read its status. Every read
//! takes `?min_position=N` to see at least the write that answered position N.

use crate::http::AppState;
use crate::http::json::ApiJson;
use crate::http::problem::ApiProblem;
use crate::http::query::ApiQuery;
use crate::http::reply::{ApiResult, send_query};
use crate::http::session::Sender;
use app::contracts::{
    GetOrder, GetOrderStatus, ListOrders, OrderDetails, OrderStatusInfo, OrderSummary, Page,
    PlaceOrder, PlacedOrder,
};
use app::contracts::{IDEMPOTENCY_KEY_HEADER, IdempotencyKey};
use axum::extract::Path;
use axum::http::HeaderMap;
use mediator::{Context, FieldError, Problem, Request};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_orders, place_order))
        .routes(routes!(get_order))
        .routes(routes!(get_order_status))
}

/// Every order, newest first, a page at a time (staff).
#[utoipa::path(get, path = "/orders", tag = "orders", params(ListOrders),
    responses((status = 200, description = "A page of orders.", body = Page<OrderSummary>)),
    security(("session" = [])))]
async fn list_orders(sender: Sender, query: ApiQuery<ListOrders>) -> ApiResult<Page<OrderSummary>> {
    send_query(sender, query).await
}

/// Places an order. The prices are the server's; the client names pizzas, sizes and
/// toppings. With an `Idempotency-Key`, the same key with the same order within 24 h
/// answers the first 201 again; with another order, 422.
#[utoipa::path(post, path = "/orders", tag = "orders", request_body = PlaceOrder,
    params(("Idempotency-Key" = Option<String>, Header, min_length = 16, max_length = 128,
        pattern = "^[!-~]+$",
        description = "A key the client makes up per order, such as a UUID; a retry of \
            the same order sends the same key.")),
    responses((status = 201, body = PlacedOrder, description = "Placed. `Location` names \
        the order with a `min_position` that makes its first read wait for the read models."),
        (status = 402, description = "The card was declined or has insufficient funds; \
            nothing was stored."),
        (status = 422, description = "A field is invalid (`errors` names each one), or the \
            shop is closed: the detail names today's hours and the next opening."),
        (status = 503, description = "The kitchen is at capacity: the order would wait longer \
            than the shop takes orders for (the detail says how long), or the database is \
            unreachable; see `Retry-After`.")))]
async fn place_order(
    sender: Sender,
    headers: HeaderMap,
    ApiJson(command): ApiJson<PlaceOrder>,
) -> ApiResult<PlacedOrder> {
    let mut ctx = Context::new();
    if let Some(key) = idempotency_key(&headers)? {
        ctx.insert(key);
    }
    let reply = sender.send_in(command, ctx).await?;
    // The read models catch up a moment after the commit: the position makes the first
    // GET of the Location wait for them rather than answer 404.
    let placed = reply.value();
    let location = format!(
        "/api/orders/{}?min_position={}",
        placed.order_id, placed.position
    );
    Ok(reply.at(location))
}

/// The query string of the single-order reads.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ReadYourWrites {
    /// Wait (at most 2 s) until the read models include this event position, as the
    /// `Location` of a placed order asks.
    #[serde(default)]
    min_position: Option<i64>,
}

/// A query for one order, named by the path's id.
trait OrderRead: Request {
    fn of(order_id: Uuid, min_position: Option<i64>) -> Self;
}

impl OrderRead for GetOrder {
    fn of(order_id: Uuid, min_position: Option<i64>) -> Self {
        Self {
            order_id,
            min_position,
        }
    }
}

impl OrderRead for GetOrderStatus {
    fn of(order_id: Uuid, min_position: Option<i64>) -> Self {
        Self {
            order_id,
            min_position,
        }
    }
}

/// One order with its lines and prices; anyone who knows its id may read it.
#[utoipa::path(get, path = "/orders/{id}", tag = "orders",
    params(("id" = Uuid, Path, description = "The order's id."), ReadYourWrites),
    responses((status = 200, description = "The order.", body = OrderDetails)))]
async fn get_order(
    sender: Sender,
    id: Path<String>,
    query: ApiQuery<ReadYourWrites>,
) -> ApiResult<OrderDetails> {
    read_order::<GetOrder>(sender, id, query).await
}

/// Only where an order is: a cheap status check.
#[utoipa::path(get, path = "/orders/{id}/status", tag = "orders",
    params(("id" = Uuid, Path, description = "The order's id."), ReadYourWrites),
    responses((status = 200, description = "Its status.", body = OrderStatusInfo)))]
async fn get_order_status(
    sender: Sender,
    id: Path<String>,
    query: ApiQuery<ReadYourWrites>,
) -> ApiResult<OrderStatusInfo> {
    read_order::<GetOrderStatus>(sender, id, query).await
}

/// `GET /orders/{id}` and `/orders/{id}/status`: the query `Q` for the order.
async fn read_order<Q: OrderRead>(
    sender: Sender,
    Path(id): Path<String>,
    ApiQuery(query): ApiQuery<ReadYourWrites>,
) -> ApiResult<Q::Response> {
    let order_id = order_id(&id)?;
    sender.send(Q::of(order_id, query.min_position)).await
}

/// The `Idempotency-Key` header, checked; a malformed one is a 422 naming it.
fn idempotency_key(headers: &HeaderMap) -> Result<Option<IdempotencyKey>, ApiProblem> {
    let Some(value) = headers.get(IDEMPOTENCY_KEY_HEADER) else {
        return Ok(None);
    };
    IdempotencyKey::parse(value.to_str().unwrap_or_default())
        .map(Some)
        .map_err(|error| ApiProblem(Problem::validation(vec![error])))
}

/// Order ids are UUIDs; anything else is a bad request naming the parameter.
pub(crate) fn order_id(raw: &str) -> Result<Uuid, ApiProblem> {
    Uuid::parse_str(raw).map_err(|_| {
        let error = FieldError::new(
            "order_id",
            "An order id is a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e.",
        );
        ApiProblem(Problem::bad_request("The order id is malformed.").with_errors(vec![error]))
    })
}
