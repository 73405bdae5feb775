//! Server functions for the kitchen (chef, manager): the queue, start cooking, a pizza
//! ready, the order ready.

#[cfg(feature = "ssr")]
use super::dispatch;
use crate::contracts::{KitchenTicket, OrderStatusChanged};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;
use uuid::Uuid;

/// Starts cooking a `pending` order (chef, manager), for `minutes` in the oven when the
/// chef says (otherwise the recipes' time); 503 when the kitchen is full.
#[server(name = StartCookingCall, prefix = "/api/fn", endpoint = "start_cooking", input = Json)]
pub async fn start_cooking(
    order_id: Uuid,
    minutes: Option<u32>,
) -> Result<OrderStatusChanged, AppError> {
    dispatch(crate::contracts::StartCooking { order_id, minutes }).await
}

/// Marks a `cooking` order ready (chef, manager).
#[server(name = MarkOrderReadyCall, prefix = "/api/fn", endpoint = "mark_order_ready", input = Json)]
pub async fn mark_order_ready(order_id: Uuid) -> Result<OrderStatusChanged, AppError> {
    dispatch(crate::contracts::MarkOrderReady { order_id }).await
}

/// Marks one line of a `cooking` order out of the oven (chef, manager); the answer's
/// status is `ready` once it was the last.
#[server(name = MarkPizzaReadyCall, prefix = "/api/fn", endpoint = "mark_pizza_ready", input = Json)]
pub async fn mark_pizza_ready(order_id: Uuid, line: u32) -> Result<OrderStatusChanged, AppError> {
    dispatch(crate::contracts::MarkPizzaReady { order_id, line }).await
}

/// The orders to cook, oldest first (chef, manager).
#[server(name = GetKitchenQueueCall, prefix = "/api/fn", endpoint = "get_kitchen_queue", input = Json)]
pub async fn get_kitchen_queue(min_position: Option<i64>) -> Result<Vec<KitchenTicket>, AppError> {
    dispatch(crate::contracts::GetKitchenQueue { min_position }).await
}
