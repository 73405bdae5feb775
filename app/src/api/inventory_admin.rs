//! Server functions of the stock (manager): the ingredient levels and a new count.

#[cfg(feature = "ssr")]
use super::dispatch;
use crate::contracts::{SetStock, StockLevel};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

/// Every ingredient's level (manager).
#[server(name = ListInventoryCall, prefix = "/api/fn", endpoint = "list_inventory", input = Json)]
pub async fn list_inventory(seen: u32) -> Result<Vec<StockLevel>, AppError> {
    // `seen` only makes the resource ask again after a change.
    let _ = seen;
    dispatch(crate::contracts::ListInventory).await
}

/// A new count of one ingredient (manager).
#[server(name = SetStockCall, prefix = "/api/fn", endpoint = "set_stock", input = Json)]
pub async fn set_stock(command: SetStock) -> Result<StockLevel, AppError> {
    dispatch(command).await
}
