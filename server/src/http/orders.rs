//! REST routes of orders: place one, read one, read its status.

use crate::http::AppState;
use crate::http::json::ApiJson;
use crate::http::problem::ApiProblem;
use crate::http::reply::{ApiResult, send};
use app::contracts::{
    GetOrder, GetOrderStatus, OrderDetails, OrderStatusInfo, PlaceOrder, PlacedOrder,
};
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::{get, post};
use mediator::{FieldError, Problem};
use uuid::Uuid;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/orders", post(place_order))
        .route("/orders/{id}", get(get_order))
        .route("/orders/{id}/status", get(get_order_status))
}

async fn place_order(
    State(state): State<AppState>,
    ApiJson(command): ApiJson<PlaceOrder>,
) -> ApiResult<PlacedOrder> {
    let reply = send(&state, command).await?;
    let location = format!("/api/orders/{}", reply.value().order_id);
    Ok(reply.at(location))
}

async fn get_order(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<OrderDetails> {
    send(
        &state,
        GetOrder {
            order_id: order_id(&id)?,
        },
    )
    .await
}

async fn get_order_status(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<OrderStatusInfo> {
    send(
        &state,
        GetOrderStatus {
            order_id: order_id(&id)?,
        },
    )
    .await
}

/// Order ids are UUIDs; anything else is a bad request naming the parameter.
fn order_id(raw: &str) -> Result<Uuid, ApiProblem> {
    Uuid::parse_str(raw).map_err(|_| {
        let error = FieldError::new(
            "order_id",
            "An order id is a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e.",
        );
        ApiProblem(Problem::bad_request("The order id is malformed.").with_errors(vec![error]))
    })
}
