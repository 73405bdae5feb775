//! REST route of the integration slice: `GET /api/events?after=&limit=`, the event log as
//! CloudEvents for other services. Staff only (see the policy table in `wiring.rs`).

use crate::http::AppState;
use crate::http::query::ApiQuery;
use crate::http::reply::{ApiResult, send_query};
use crate::http::session::Sender;
use app::contracts::{IntegrationEvents, ListIntegrationEvents};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_events))
}

/// Every domain event after `after`, oldest first, as CloudEvents 1.0 (structured JSON).
/// Keep the `id` of the last event handled and send it as `after` next time.
#[utoipa::path(get, path = "/events", tag = "integration", params(ListIntegrationEvents),
    responses((status = 200, description = "A page of the log.", body = IntegrationEvents)),
    security(("session" = [])))]
async fn list_events(
    sender: Sender,
    query: ApiQuery<ListIntegrationEvents>,
) -> ApiResult<IntegrationEvents> {
    send_query(sender, query).await
}
