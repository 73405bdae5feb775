//! Server functions for delivery (driver, manager): out for delivery, delivered, and
//! whom an order may be given to.

#[cfg(feature = "ssr")]
use super::dispatch;
use crate::contracts::{DeliveryTicket, OrderStatusChanged, PaymentChanged};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;
use uuid::Uuid;

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

/// The driver collected a cash order's money at the door (driver, manager).
#[server(name = MarkCashCollectedCall, prefix = "/api/fn", endpoint = "mark_cash_collected", input = Json)]
pub async fn mark_cash_collected(order_id: Uuid) -> Result<PaymentChanged, AppError> {
    dispatch(crate::contracts::MarkCashCollected { order_id }).await
}

/// The orders waiting for a driver, then those on the road (driver, manager).
#[server(name = GetDeliveryBoardCall, prefix = "/api/fn", endpoint = "get_delivery_board", input = Json)]
pub async fn get_delivery_board(
    min_position: Option<i64>,
) -> Result<Vec<DeliveryTicket>, AppError> {
    dispatch(crate::contracts::GetDeliveryBoard { min_position }).await
}

/// The drivers the caller may give an order to: a driver themselves, a manager every
/// driver account.
#[server(name = ListDriversCall, prefix = "/api/fn", endpoint = "list_drivers", input = Json)]
pub async fn list_drivers() -> Result<Vec<String>, AppError> {
    dispatch(crate::contracts::ListDrivers {}).await
}
