//! Server functions: the client's way into the mediator. Each one only forwards its
//! contract to `dispatch`, which runs on the server; the same handlers serve REST.
//! (The generated request types are named `...Call` so they never shadow the contracts.)

use crate::contracts::{
    AddPizza, KitchenTicket, MenuChanged, MenuItem, OrderDetails, OrderStatusChanged, PlaceOrder,
    PlacedOrder, UpdatePizza,
};
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

/// Starts cooking a `pending` order (chef, manager); 503 when the kitchen is full.
#[server(name = StartCookingCall, prefix = "/api/fn", endpoint = "start_cooking", input = Json)]
pub async fn start_cooking(order_id: Uuid) -> Result<OrderStatusChanged, AppError> {
    dispatch(crate::contracts::StartCooking { order_id }).await
}

/// Marks a `cooking` order ready (chef, manager).
#[server(name = MarkOrderReadyCall, prefix = "/api/fn", endpoint = "mark_order_ready", input = Json)]
pub async fn mark_order_ready(order_id: Uuid) -> Result<OrderStatusChanged, AppError> {
    dispatch(crate::contracts::MarkOrderReady { order_id }).await
}

/// Takes a `ready` order out for delivery (driver, manager).
#[server(name = AssignDeliveryCall, prefix = "/api/fn", endpoint = "assign_delivery", input = Json)]
pub async fn assign_delivery(
    order_id: Uuid,
    driver: String,
) -> Result<OrderStatusChanged, AppError> {
    dispatch(crate::contracts::AssignDelivery { order_id, driver }).await
}

/// Marks a `delivering` order delivered (driver, manager).
#[server(name = MarkOrderDeliveredCall, prefix = "/api/fn", endpoint = "mark_order_delivered", input = Json)]
pub async fn mark_order_delivered(order_id: Uuid) -> Result<OrderStatusChanged, AppError> {
    dispatch(crate::contracts::MarkOrderDelivered { order_id }).await
}

/// Cancels an order: staff any not yet delivered, a customer only a `pending` one.
#[server(name = CancelOrderCall, prefix = "/api/fn", endpoint = "cancel_order", input = Json)]
pub async fn cancel_order(order_id: Uuid, reason: String) -> Result<OrderStatusChanged, AppError> {
    dispatch(crate::contracts::CancelOrder { order_id, reason }).await
}

/// Puts a new pizza on the menu (manager).
#[server(name = AddPizzaCall, prefix = "/api/fn", endpoint = "add_pizza", input = Json)]
pub async fn add_pizza(command: AddPizza) -> Result<MenuChanged, AppError> {
    dispatch(command).await
}

/// Changes a pizza on the menu (manager).
#[server(name = UpdatePizzaCall, prefix = "/api/fn", endpoint = "update_pizza", input = Json)]
pub async fn update_pizza(command: UpdatePizza) -> Result<MenuChanged, AppError> {
    dispatch(command).await
}

/// Removes a pizza from the menu (manager).
#[server(name = RemovePizzaCall, prefix = "/api/fn", endpoint = "remove_pizza", input = Json)]
pub async fn remove_pizza(pizza_id: String) -> Result<MenuChanged, AppError> {
    dispatch(crate::contracts::RemovePizza { pizza_id }).await
}

/// The orders to cook, oldest first (chef, manager).
#[server(name = GetKitchenQueueCall, prefix = "/api/fn", endpoint = "get_kitchen_queue", input = Json)]
pub async fn get_kitchen_queue(min_position: Option<i64>) -> Result<Vec<KitchenTicket>, AppError> {
    dispatch(crate::contracts::GetKitchenQueue { min_position }).await
}

/// Sends a request through the mediator found in the server function's context, on
/// behalf of the caller the server's session middleware put in the request (anonymous
/// when there is none), and turns a problem into the HTTP status of the response.
#[cfg(feature = "ssr")]
async fn dispatch<R: mediator::Request>(request: R) -> Result<R::Response, AppError> {
    let Some(mediator) = use_context::<mediator::Mediator>() else {
        let problem = mediator::Problem::internal("no mediator in the server function context");
        return Err(problem.into());
    };
    let caller = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<crate::contracts::Caller>().cloned())
        .unwrap_or_default();
    let ctx = mediator::Context::new().with(caller);
    match mediator.send_with(request, ctx).await {
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
