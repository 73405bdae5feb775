//! REST route of the payments slice for drivers: `PUT /api/orders/{id}/cash-collected`.
//! Card orders are charged by `POST /api/orders` and refunded by the cancel route.

use crate::http::AppState;
use crate::http::orders::order_id;
use crate::http::reply::ApiResult;
use crate::http::session::Sender;
use app::contracts::{MarkCashCollected, PaymentChanged};
use axum::extract::Path;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(mark_cash_collected))
}

/// The driver collected a cash order's total on delivery.
#[utoipa::path(put, path = "/orders/{id}/cash-collected", tag = "lifecycle",
    params(("id" = Uuid, Path, description = "The order's id.")),
    responses((status = 200, description = "Collected.", body = PaymentChanged),
        (status = 409, description = "A card order, an order not out for delivery yet, or \
            cash already collected.")),
    security(("session" = [])))]
async fn mark_cash_collected(sender: Sender, Path(id): Path<String>) -> ApiResult<PaymentChanged> {
    sender
        .send(MarkCashCollected {
            order_id: order_id(&id)?,
        })
        .await
}
