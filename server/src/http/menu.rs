//! REST routes of the menu: `GET /api/menu[?category=]` for everyone; for managers
//! `POST /api/menu` (add a pizza, 201), `PUT /api/menu/{id}` (change it, 200) and
//! `DELETE /api/menu/{id}` (remove it, 204), and `GET /api/staff/menu[?min_position=]`,
//! every pizza including those taken off the menu, as the menu editor lists them.

use crate::http::AppState;
use crate::http::json::ApiJson;
use crate::http::problem::ApiProblem;
use crate::http::query::ApiQuery;
use crate::http::reply::{ApiResult, send_query};
use crate::http::session::Sender;
use app::contracts::{
    AddPizza, EditablePizza, GetEditableMenu, GetMenu, MenuChanged, MenuItem, RemovePizza,
    UpdatePizza,
};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use mediator::Problem;
use rust_decimal::Decimal;
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_menu, add_pizza))
        .routes(routes!(update_pizza, remove_pizza))
        .routes(routes!(get_editable_menu))
}

/// The menu: every pizza on sale, by category.
#[utoipa::path(get, path = "/menu", tag = "menu", params(GetMenu),
    responses((status = 200, description = "The pizzas on sale.", body = Vec<MenuItem>)))]
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

/// Adds a pizza to the menu (managers).
#[utoipa::path(post, path = "/menu", tag = "menu", request_body = AddPizza,
    responses((status = 201, description = "Added; `Location` names it.", body = MenuChanged),
        (status = 409, description = "A pizza with that id exists.")),
    security(("session" = [])))]
async fn add_pizza(sender: Sender, ApiJson(command): ApiJson<AddPizza>) -> ApiResult<MenuChanged> {
    let reply = sender.send(command).await?;
    let location = format!("/api/menu/{}", reply.value().pizza_id);
    Ok(reply.at(location))
}

/// The body of `PUT /api/menu/{id}`: what changes; the id comes from the path. Fields
/// left out stay as they are; a field the body does not know is a 422.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct PizzaChanges {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    base_price: Option<Decimal>,
    #[serde(default)]
    available: Option<bool>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    available_toppings: Option<Vec<String>>,
    #[serde(default)]
    is_seasonal: Option<bool>,
}

/// Changes a pizza (managers).
#[utoipa::path(put, path = "/menu/{id}", tag = "menu", request_body = PizzaChanges,
    params(("id" = String, Path, description = "The pizza's id, a slug such as `margherita`.")),
    responses((status = 200, description = "Changed.", body = MenuChanged)),
    security(("session" = [])))]
async fn update_pizza(
    sender: Sender,
    Path(pizza_id): Path<String>,
    ApiJson(changes): ApiJson<PizzaChanges>,
) -> ApiResult<MenuChanged> {
    let command = UpdatePizza {
        pizza_id,
        name: changes.name,
        base_price: changes.base_price,
        available: changes.available,
        description: changes.description,
        available_toppings: changes.available_toppings,
        is_seasonal: changes.is_seasonal,
    };
    sender.send(command).await
}

/// Takes a pizza off the menu for good (managers). Answers 204: there is nothing to show.
#[utoipa::path(delete, path = "/menu/{id}", tag = "menu",
    params(("id" = String, Path, description = "The pizza's id, a slug such as `margherita`.")),
    responses((status = 204, description = "Removed.")),
    security(("session" = [])))]
async fn remove_pizza(
    sender: Sender,
    Path(pizza_id): Path<String>,
) -> Result<StatusCode, ApiProblem> {
    sender.send(RemovePizza { pizza_id }).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Every pizza, those taken off the menu included, as the menu editor lists them (managers).
#[utoipa::path(get, path = "/staff/menu", tag = "menu", params(GetEditableMenu),
    responses((status = 200, description = "Every pizza.", body = Vec<EditablePizza>)),
    security(("session" = [])))]
async fn get_editable_menu(
    sender: Sender,
    query: ApiQuery<GetEditableMenu>,
) -> ApiResult<Vec<EditablePizza>> {
    send_query(sender, query).await
}
