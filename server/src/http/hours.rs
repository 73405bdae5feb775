//! REST routes of the opening hours: `GET /api/shop/hours` (anyone: the hours and
//! whether the shop is open now), `GET /api/shop/status` (anyone: the menu's sentence)
//! and `PUT /api/shop/hours` (managers).

use crate::http::AppState;
use crate::http::json::ApiJson;
use crate::http::reply::ApiResult;
use crate::http::session::Sender;
use app::contracts::{
    GetShopHours, GetShopStatus, OpeningHours, ShopHours, ShopStatus, UpdateShopHours,
};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_hours, update_hours))
        .routes(routes!(get_status))
}

/// The opening hours in the shop's time zone, whether it is open now, when it closes
/// and when it opens next.
#[utoipa::path(get, path = "/shop/hours", tag = "hours",
    responses((status = 200, description = "The hours.", body = ShopHours)))]
async fn get_hours(sender: Sender) -> ApiResult<ShopHours> {
    sender.send(GetShopHours).await
}

/// Whether the shop takes orders now, in the sentence the menu shows (`Open now, until
/// 22:00.`), on the shop's clock.
#[utoipa::path(get, path = "/shop/status", tag = "hours",
    responses((status = 200, description = "Where the shop stands.", body = ShopStatus)))]
async fn get_status(sender: Sender) -> ApiResult<ShopStatus> {
    sender.send(GetShopStatus).await
}

/// Replaces the opening hours, time zone and closure days included (managers). Orders
/// are refused outside them from the next one on.
#[utoipa::path(put, path = "/shop/hours", tag = "hours", request_body = OpeningHours,
    responses((status = 200, description = "The hours as stored.", body = ShopHours)),
    security(("session" = [])))]
async fn update_hours(
    sender: Sender,
    ApiJson(hours): ApiJson<OpeningHours>,
) -> ApiResult<ShopHours> {
    sender.send(UpdateShopHours { hours }).await
}
