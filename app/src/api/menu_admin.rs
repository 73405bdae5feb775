//! Server functions that change the menu (manager).

#[cfg(feature = "ssr")]
use super::dispatch;
use crate::contracts::{AddPizza, MenuChanged, UpdatePizza};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

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
