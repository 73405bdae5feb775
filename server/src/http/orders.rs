//! REST routes of orders: place one, list them, read one, read its status. Every read
//! takes `?min_position=N` to see at least the write that answered position N.

use crate::http::AppState;
use crate::http::json::ApiJson;
use crate::http::problem::ApiProblem;
use crate::http::query::ApiQuery;
use crate::http::reply::{ApiResult, send_query};
use crate::http::session::Sender;
use app::contracts::{
    GetOrder, GetOrderStatus, ListOrders, OrderDetails, OrderStatusInfo, PlaceOrder, PlacedOrder,
};
use app::contracts::{IDEMPOTENCY_KEY_HEADER, IdempotencyKey};
use axum::Router;
use axum::extract::Path;
use axum::http::HeaderMap;
use axum::routing::get;
use mediator::{Context, FieldError, Problem};
use serde::Deserialize;
use uuid::Uuid;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/orders", get(send_query::<ListOrders>).post(place_order))
        .route("/orders/{id}", get(get_order))
        .route("/orders/{id}/status", get(get_order_status))
}

/// `POST /orders`, with an optional `Idempotency-Key` header: the same key with the
/// same order within 24 h answers the first 201 again; with another order, 422.
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
#[derive(Deserialize)]
struct ReadYourWrites {
    #[serde(default)]
    min_position: Option<i64>,
}

async fn get_order(
    sender: Sender,
    Path(id): Path<String>,
    ApiQuery(query): ApiQuery<ReadYourWrites>,
) -> ApiResult<OrderDetails> {
    let order_id = order_id(&id)?;
    let min_position = query.min_position;
    sender
        .send(GetOrder {
            order_id,
            min_position,
        })
        .await
}

async fn get_order_status(
    sender: Sender,
    Path(id): Path<String>,
    ApiQuery(query): ApiQuery<ReadYourWrites>,
) -> ApiResult<OrderStatusInfo> {
    let order_id = order_id(&id)?;
    let min_position = query.min_position;
    sender
        .send(GetOrderStatus {
            order_id,
            min_position,
        })
        .await
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
