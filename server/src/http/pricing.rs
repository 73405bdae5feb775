//! REST routes of the shop's charges: `POST /api/orders/quote` (anyone: what a cart
//! would cost now); for managers `GET`/`PUT /api/shop/pricing` and `GET`/`POST
//! /api/promo-codes`, `DELETE /api/promo-codes/{code}`.

use crate::http::AppState;
use crate::http::json::ApiJson;
use crate::http::problem::ApiProblem;
use crate::http::reply::ApiResult;
use crate::http::session::Sender;
use app::contracts::{
    AddPromoCode, GetPriceQuote, GetShopPricing, ListPromoCodes, PromoCode, RemovePromoCode,
    ShopPricing, TotalBreakdown, UpdateShopPricing,
};
use axum::extract::Path;
use axum::http::StatusCode;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(quote))
        .routes(routes!(get_pricing, update_pricing))
        .routes(routes!(list_promo_codes, add_promo_code))
        .routes(routes!(remove_promo_code))
}

/// What the cart would cost if placed now: the same rows and rules as placing, without
/// placing. Unknown pizzas or a promo code that does not apply answer 422 as placing does.
#[utoipa::path(post, path = "/orders/quote", tag = "pricing", request_body = GetPriceQuote,
    responses((status = 200, description = "The bill.", body = TotalBreakdown)))]
async fn quote(
    sender: Sender,
    ApiJson(query): ApiJson<GetPriceQuote>,
) -> ApiResult<TotalBreakdown> {
    sender.send(query).await
}

/// The shop's delivery fee and tax (managers).
#[utoipa::path(get, path = "/shop/pricing", tag = "pricing",
    responses((status = 200, description = "The pricing.", body = ShopPricing)),
    security(("session" = [])))]
async fn get_pricing(sender: Sender) -> ApiResult<ShopPricing> {
    sender.send(GetShopPricing).await
}

/// Sets the shop's delivery fee and tax, every field at once (managers). Orders placed
/// from then on pay it.
#[utoipa::path(put, path = "/shop/pricing", tag = "pricing", request_body = ShopPricing,
    responses((status = 200, description = "The pricing as stored.", body = ShopPricing)),
    security(("session" = [])))]
async fn update_pricing(
    sender: Sender,
    ApiJson(pricing): ApiJson<ShopPricing>,
) -> ApiResult<ShopPricing> {
    sender.send(UpdateShopPricing { pricing }).await
}

/// Every promo code with its uses, by code (managers).
#[utoipa::path(get, path = "/promo-codes", tag = "pricing",
    responses((status = 200, description = "The codes.", body = Vec<PromoCode>)),
    security(("session" = [])))]
async fn list_promo_codes(sender: Sender) -> ApiResult<Vec<PromoCode>> {
    sender.send(ListPromoCodes).await
}

/// Creates a promo code (managers).
#[utoipa::path(post, path = "/promo-codes", tag = "pricing", request_body = AddPromoCode,
    responses((status = 201, description = "Created; `Location` names it.", body = PromoCode),
        (status = 409, description = "The code exists.")),
    security(("session" = [])))]
async fn add_promo_code(
    sender: Sender,
    ApiJson(command): ApiJson<AddPromoCode>,
) -> ApiResult<PromoCode> {
    let reply = sender.send(command).await?;
    let location = format!("/api/promo-codes/{}", reply.value().code);
    Ok(reply.at(location))
}

/// Deletes a promo code (managers); orders that used it keep their discount.
#[utoipa::path(delete, path = "/promo-codes/{code}", tag = "pricing",
    params(("code" = String, Path, description = "The code, in any case.")),
    responses((status = 204, description = "Deleted.")),
    security(("session" = [])))]
async fn remove_promo_code(
    sender: Sender,
    Path(code): Path<String>,
) -> Result<StatusCode, ApiProblem> {
    sender.send(RemovePromoCode { code }).await?;
    Ok(StatusCode::NO_CONTENT)
}
