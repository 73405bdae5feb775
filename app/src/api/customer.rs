//! Server functions a customer uses: the menu, placing, reading and cancelling an order,
//! and their history.

#[cfg(feature = "ssr")]
use super::dispatch;
use crate::contracts::{
    CustomerHistory, GetCustomerHistory, MenuItem, OrderDetails, OrderStatusChanged, PlaceOrder,
    PlacedOrder,
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

/// Cancels an order: staff any not yet delivered, a customer only a `pending` one.
#[server(name = CancelOrderCall, prefix = "/api/fn", endpoint = "cancel_order", input = Json)]
pub async fn cancel_order(order_id: Uuid, reason: String) -> Result<OrderStatusChanged, AppError> {
    dispatch(crate::contracts::CancelOrder { order_id, reason }).await
}

/// A customer's lifetime figures and one page of their orders, found by phone number.
#[server(name = GetCustomerHistoryCall, prefix = "/api/fn", endpoint = "get_customer_history", input = Json)]
pub async fn get_customer_history(query: GetCustomerHistory) -> Result<CustomerHistory, AppError> {
    dispatch(query).await
}
