//! REST routes of the inventory slice (managers): `GET /api/inventory`,
//! `PUT /api/inventory/{ingredient} {on_hand, low_stock_at?}` and `GET /api/recipes`.

use crate::http::AppState;
use crate::http::json::ApiJson;
use crate::http::reply::ApiResult;
use crate::http::session::Sender;
use app::contracts::{ListInventory, ListRecipes, Recipe, SetStock, StockLevel};
use axum::extract::Path;
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_inventory))
        .routes(routes!(set_stock))
        .routes(routes!(list_recipes))
}

/// Every ingredient with what is on hand, held by orders and left to sell.
#[utoipa::path(get, path = "/inventory", tag = "inventory",
    responses((status = 200, description = "By ingredient.", body = [StockLevel])),
    security(("session" = [])))]
async fn list_inventory(sender: Sender) -> ApiResult<Vec<StockLevel>> {
    sender.send(ListInventory).await
}

/// The body of `PUT /inventory/{ingredient}`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct Count {
    /// What is on hand now, in the ingredient's unit.
    on_hand: i64,
    /// Where the management page starts warning; unchanged when left out.
    #[serde(default)]
    low_stock_at: Option<i64>,
}

/// A new count of one ingredient; pizzas that need more than is left sell out at once.
#[utoipa::path(put, path = "/inventory/{ingredient}", tag = "inventory", request_body = Count,
    params(("ingredient" = String, Path, description = "The ingredient, e.g. `mozzarella`.")),
    responses((status = 200, description = "Counted.", body = StockLevel)),
    security(("session" = [])))]
async fn set_stock(
    sender: Sender,
    Path(ingredient): Path<String>,
    ApiJson(body): ApiJson<Count>,
) -> ApiResult<StockLevel> {
    let Count {
        on_hand,
        low_stock_at,
    } = body;
    sender
        .send(SetStock {
            ingredient,
            on_hand,
            low_stock_at,
        })
        .await
}

/// What one pizza of each size takes of each ingredient.
#[utoipa::path(get, path = "/recipes", tag = "inventory",
    responses((status = 200, description = "By pizza, then size.", body = [Recipe])),
    security(("session" = [])))]
async fn list_recipes(sender: Sender) -> ApiResult<Vec<Recipe>> {
    sender.send(ListRecipes).await
}
