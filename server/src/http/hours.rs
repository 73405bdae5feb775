//! REST routes of the opening hours: `GET /api/shop/hours` (anyone: the hours and
//! whether the shop is open now) and `PUT /api/shop/hours` (managers).

use crate::http::AppState;
use crate::http::json::ApiJson;
use crate::http::reply::ApiResult;
use crate::http::session::Sender;
use app::contracts::{GetShopHours, OpeningHours, ShopHours, UpdateShopHours};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get_hours, update_hours))
}

/// The opening hours in the shop's time zone, whether it is open now, when it closes
/// and when it opens next.
#[utoipa::path(get, path = "/shop/hours", tag = "hours",
    responses((status = 200, description = "The hours.", body = ShopHours)))]
async fn get_hours(sender: Sender) -> ApiResult<ShopHours> {
    sender.send(GetShopHours).await
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
