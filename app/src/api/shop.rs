//! Server functions of the shop itself: its opening hours (anyone reads them, a manager
//! sets them) and the outbox's dead messages (manager).

#[cfg(feature = "ssr")]
use super::dispatch;
use crate::contracts::{DeadMessage, MessageRetried, OpeningHours, ShopHours};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

/// The opening hours and whether the shop is open now (anyone).
#[server(name = GetShopHoursCall, prefix = "/api/fn", endpoint = "get_shop_hours", input = Json)]
pub async fn get_shop_hours() -> Result<ShopHours, AppError> {
    dispatch(crate::contracts::GetShopHours).await
}

/// Replaces the opening hours (manager).
#[server(name = UpdateShopHoursCall, prefix = "/api/fn", endpoint = "update_shop_hours", input = Json)]
pub async fn update_shop_hours(hours: OpeningHours) -> Result<ShopHours, AppError> {
    dispatch(crate::contracts::UpdateShopHours { hours }).await
}

/// The messages the outbox gave up sending (manager).
#[server(name = ListDeadMessagesCall, prefix = "/api/fn", endpoint = "list_dead_messages", input = Json)]
pub async fn list_dead_messages(seen: u32) -> Result<Vec<DeadMessage>, AppError> {
    // `seen` only makes the resource ask again after a retry.
    let _ = seen;
    dispatch(crate::contracts::ListDeadMessages).await
}

/// Sends a dead message again (manager).
#[server(name = RetryMessageCall, prefix = "/api/fn", endpoint = "retry_message", input = Json)]
pub async fn retry_message(id: String) -> Result<MessageRetried, AppError> {
    dispatch(crate::contracts::RetryMessage { id }).await
}
