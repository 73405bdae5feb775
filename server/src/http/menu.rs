//! REST routes of the menu: `GET /api/menu[?category=]` for everyone; for managers
//! `POST /api/menu` (add a pizza, 201), `PUT /api/menu/{id}` (change it, 200) and
//! `DELETE /api/menu/{id}` (remove it, 204), and `GET /api/staff/menu[?min_position=]`,
//! every pizza including those taken off the menu, as the menu editor lists them.

use crate::http::AppState;
use crate::http::json::ApiJson;
use crate::http::problem::ApiProblem;
use crate::http::reply::{ApiResult, send_query};
use crate::http::session::Sender;
use app::contracts::{
    AddPizza, GetEditableMenu, GetMenu, MenuChanged, MenuItem, RemovePizza, UpdatePizza,
};
use axum::Router;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::routing::{get, put};
use mediator::Problem;
use rust_decimal::Decimal;
use serde::Deserialize;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/menu", get(get_menu).post(add_pizza))
        .route("/menu/{id}", put(update_pizza).delete(remove_pizza))
        .route("/staff/menu", get(send_query::<GetEditableMenu>))
}

async fn get_menu(
    sender: Sender,
    query: Result<Query<GetMenu>, QueryRejection>,
) -> ApiResult<Vec<MenuItem>> {
    let Query(query) = query.map_err(|rejection| {
        ApiProblem(Problem::bad_request(format!(
            "The query string is invalid: {}",
            rejection.body_text()
        )))
    })?;
    sender.send(query).await
}

async fn add_pizza(sender: Sender, ApiJson(command): ApiJson<AddPizza>) -> ApiResult<MenuChanged> {
    let reply = sender.send(command).await?;
    let location = format!("/api/menu/{}", reply.value().pizza_id);
    Ok(reply.at(location))
}

/// The body of `PUT /api/menu/{id}`: what changes; the id comes from the path.
#[derive(Deserialize)]
struct PizzaChanges {
    #[serde(default)]
    base_price: Option<Decimal>,
    #[serde(default)]
    available: Option<bool>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    available_toppings: Option<Vec<String>>,
}

async fn update_pizza(
    sender: Sender,
    Path(pizza_id): Path<String>,
    ApiJson(changes): ApiJson<PizzaChanges>,
) -> ApiResult<MenuChanged> {
    let command = UpdatePizza {
        pizza_id,
        base_price: changes.base_price,
        available: changes.available,
        description: changes.description,
        available_toppings: changes.available_toppings,
    };
    sender.send(command).await
}

/// Answers 204: the pizza is gone, there is nothing to show.
async fn remove_pizza(
    sender: Sender,
    Path(pizza_id): Path<String>,
) -> Result<StatusCode, ApiProblem> {
    sender.send(RemovePizza { pizza_id }).await?;
    Ok(StatusCode::NO_CONTENT)
}
