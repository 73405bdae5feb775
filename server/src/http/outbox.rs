//! REST routes of the outbox (managers): `GET /api/outbox/dead` and
//! `POST /api/outbox/{id}/retry`.

use crate::http::AppState;
use crate::http::reply::ApiResult;
use crate::http::session::Sender;
use app::contracts::{DeadMessage, ListDeadMessages, MessageRetried, RetryMessage};
use axum::extract::Path;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_dead))
        .routes(routes!(retry))
}

/// The messages the outbox gave up sending, newest first (at most 200), with why.
#[utoipa::path(get, path = "/outbox/dead", tag = "outbox",
    responses((status = 200, description = "Newest first.", body = [DeadMessage])),
    security(("session" = [])))]
async fn list_dead(sender: Sender) -> ApiResult<Vec<DeadMessage>> {
    sender.send(ListDeadMessages).await
}

/// Sends a dead message again, from its first try.
#[utoipa::path(post, path = "/outbox/{id}/retry", tag = "outbox",
    params(("id" = String, Path, description = "The message's id, e.g. `12-order_confirmed`.")),
    responses((status = 200, description = "Waiting to be sent.", body = MessageRetried),
        (status = 404, description = "No such message."),
        (status = 409, description = "The message is not dead.")),
    security(("session" = [])))]
async fn retry(sender: Sender, Path(id): Path<String>) -> ApiResult<MessageRetried> {
    sender.send(RetryMessage { id }).await
}
