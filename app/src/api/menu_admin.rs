//! Server functions of the menu editor (manager): the whole menu, and the commands that
//! change it.

#[cfg(feature = "ssr")]
use super::dispatch;
use crate::contracts::{AddPizza, EditablePizza, MenuChanged, UpdatePizza};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

/// Every pizza on the menu, those taken off it included (manager). With `min_position`
/// (from [`MenuChanged::position`]) it waits until the list shows that change.
#[server(name = GetEditableMenuCall, prefix = "/api/fn", endpoint = "get_editable_menu", input = Json)]
pub async fn get_editable_menu(min_position: Option<i64>) -> Result<Vec<EditablePizza>, AppError> {
    dispatch(crate::contracts::GetEditableMenu { min_position }).await
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
