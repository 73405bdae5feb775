//! REST routes of delivery: `GET /api/delivery/board`, the orders waiting for a driver,
//! then those on the road, and `GET /api/delivery/drivers`, whom the caller may give an
//! order to. Drivers and managers only (see the policy table in `wiring.rs`).

use crate::http::AppState;
use crate::http::query::ApiQuery;
use crate::http::reply::{ApiResult, send_query};
use crate::http::session::Sender;
use app::contracts::{DeliveryTicket, GetDeliveryBoard, ListDrivers};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(delivery_board))
        .routes(routes!(drivers))
}

/// The orders ready for a driver, then those on the road (drivers).
#[utoipa::path(get, path = "/delivery/board", tag = "delivery", params(GetDeliveryBoard),
    responses((status = 200, description = "The board.", body = Vec<DeliveryTicket>)),
    security(("session" = [])))]
async fn delivery_board(
    sender: Sender,
    query: ApiQuery<GetDeliveryBoard>,
) -> ApiResult<Vec<DeliveryTicket>> {
    send_query(sender, query).await
}

/// The usernames of the drivers the caller may give an order to: a driver only
/// themselves, a manager every driver.
#[utoipa::path(get, path = "/delivery/drivers", tag = "delivery", params(ListDrivers),
    responses((status = 200, description = "Driver usernames.", body = Vec<String>)),
    security(("session" = [])))]
async fn drivers(sender: Sender, query: ApiQuery<ListDrivers>) -> ApiResult<Vec<String>> {
    send_query(sender, query).await
}
