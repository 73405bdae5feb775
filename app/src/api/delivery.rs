//! Server functions for delivery (driver, manager): out for delivery, delivered.

#[cfg(feature = "ssr")]
use super::dispatch;
use crate::contracts::OrderStatusChanged;
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
