//! Server functions: the client's way into the mediator. Each one only forwards its
//! contract to `dispatch`, which runs on the server; the same handlers serve REST.
//! (The generated request types are named `...Call` so they never shadow the contracts.)

use crate::contracts::{MenuItem, OrderDetails, PlaceOrder, PlacedOrder};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;
use uuid::Uuid;

/// Lists the menu, optionally one category.
#[server(name = GetMenuCall, prefix = "/api/fn", endpoint = "get_menu", input = Json)]
pub async fn get_menu(category: Option<String>) -> Result<Vec<MenuItem>, AppError> {
    dispatch(crate::contracts::GetMenu { category }).await
}

/// Places an order; the server prices it from its own menu.
#[server(name = PlaceOrderCall, prefix = "/api/fn", endpoint = "place_order", input = Json)]
pub async fn place_order(command: PlaceOrder) -> Result<PlacedOrder, AppError> {
    dispatch(command).await
}

/// Reads one order for the confirmation page. With `min_position` (from
/// `PlacedOrder::position`) it waits until the order's read model includes that event, so
/// the page never says "not found" for the order just placed.
#[server(name = GetOrderCall, prefix = "/api/fn", endpoint = "get_order", input = Json)]
pub async fn get_order(
    order_id: Uuid,
    min_position: Option<i64>,
) -> Result<OrderDetails, AppError> {
    dispatch(crate::contracts::GetOrder {
        order_id,
        min_position,
    })
    .await
}

/// Sends a request through the mediator found in the server function's context and
/// turns a problem into the HTTP status of the server function response.
#[cfg(feature = "ssr")]
async fn dispatch<R: mediator::Request>(request: R) -> Result<R::Response, AppError> {
    let Some(mediator) = use_context::<mediator::Mediator>() else {
        let problem = mediator::Problem::internal("no mediator in the server function context");
        return Err(problem.into());
    };
    match mediator.send(request).await {
        Ok(done) => Ok(done.value),
        Err(problem) => {
            if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
                && let Ok(status) = http::StatusCode::from_u16(problem.code())
            {
                response.set_status(status);
            }
            Err(problem.into())
        }
    }
}
