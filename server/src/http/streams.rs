//! Live updates over Server-Sent Events: `GET /api/stream/kitchen` carries every order's
//! updates (any signed-in staff), `GET /api/orders/{id}/stream` one order's (anyone with
//! its id). Each message is named `order`, its `id` is the event's position and its data
//! an `OrderUpdate` (`app::contracts::live`).
//!
//! A stream resumes after the `Last-Event-ID` header, which browsers send when they
//! reconnect, else after `?after=`, else from now on (kitchen) or from the order's first
//! event. Opening one is a query through the mediator (`WatchKitchen`, `WatchOrder`), so
//! who may, and an unknown order's 404, answer as problems like every other route.
//!
//! Not buffered on the way out: the compression layer leaves `text/event-stream` alone
//! (tower-http's default predicate), and no layer times responses out. A comment every
//! 15 s keeps proxies from closing an idle stream, and every stream ends at shutdown.

use crate::http::AppState;
use crate::http::orders::order_id;
use crate::http::problem::ApiProblem;
use crate::http::query::ApiQuery;
use crate::http::session::Sender;
use crate::live::{Subscription, WatchKitchen, WatchOrder};
use crate::metrics::OpenGauge;
use app::contracts::{ORDER_UPDATE_EVENT, OrderUpdate};
use axum::extract::Path;
use axum::http::{HeaderMap, HeaderName, HeaderValue};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::{StreamExt, stream};
use mediator::{Context, FieldError, Problem, Request};
use serde::Deserialize;
use std::time::Duration;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// How often an idle stream sends a comment.
const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// How long a browser waits before reconnecting to a stream that ended.
const RETRY: Duration = Duration::from_secs(2);
/// The header browsers send on reconnecting: the id of the last message they got.
const LAST_EVENT_ID: &str = "last-event-id";

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(kitchen_stream))
        .routes(routes!(order_stream))
}

/// The query string of both streams.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct Resume {
    /// Resume after this position (the `id` of the last message received); the
    /// `Last-Event-ID` header, when sent, wins.
    #[serde(default)]
    #[param(value_type = Option<u64>)]
    after: Option<String>,
}

/// Every order's updates, as Server-Sent Events named `order` whose data is an
/// `OrderUpdate` and whose id is its position (staff).
#[utoipa::path(get, path = "/stream/kitchen", tag = "live", params(Resume,
        ("Last-Event-ID" = Option<u64>, Header, description = "The id of the last message \
            received; a reconnecting browser sends it.")),
    responses((status = 200, description = "An endless event stream.",
        content_type = "text/event-stream", body = String)),
    security(("session" = [])))]
async fn kitchen_stream(
    sender: Sender,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<Resume>,
) -> Result<Response, ApiProblem> {
    let after = resume_after(&headers, &query)?;
    let subscription = open(sender, WatchKitchen { after }).await?;
    Ok(event_stream(subscription))
}

/// One order's updates, as Server-Sent Events like the kitchen's, from its first event
/// unless resumed; anyone with its id may follow it.
#[utoipa::path(get, path = "/orders/{id}/stream", tag = "live",
    params(("id" = Uuid, Path, description = "The order's id."), Resume,
        ("Last-Event-ID" = Option<u64>, Header, description = "The id of the last message \
            received; a reconnecting browser sends it.")),
    responses((status = 200, description = "An endless event stream.",
        content_type = "text/event-stream", body = String)))]
async fn order_stream(
    sender: Sender,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<Resume>,
) -> Result<Response, ApiProblem> {
    let order_id = order_id(&id)?;
    let after = resume_after(&headers, &query)?;
    let subscription = open(sender, WatchOrder { order_id, after }).await?;
    Ok(event_stream(subscription))
}

/// Sends a `Watch…` query through the mediator on behalf of the sender's caller.
async fn open<R: Request<Response = Subscription>>(
    sender: Sender,
    request: R,
) -> Result<Subscription, ApiProblem> {
    let ctx = Context::new().with(sender.caller);
    Ok(sender.mediator.send_with(request, ctx).await?.value)
}

/// Where to resume: `Last-Event-ID` first, as a reconnecting browser sends it, then
/// `?after=`; a value that is not a position is a 400 naming it.
fn resume_after(headers: &HeaderMap, query: &Resume) -> Result<Option<i64>, ApiProblem> {
    let header = match headers.get(LAST_EVENT_ID) {
        Some(value) => Some(
            value
                .to_str()
                .map_err(|_| not_a_position("Last-Event-ID"))?,
        ),
        None => None,
    };
    // An empty Last-Event-ID means the browser has no last id; it counts as absent.
    match header.map(str::trim).filter(|value| !value.is_empty()) {
        Some(value) => position("Last-Event-ID", value).map(Some),
        None => query
            .after
            .as_deref()
            .map(|value| position("after", value))
            .transpose(),
    }
}

fn position(field: &'static str, raw: &str) -> Result<i64, ApiProblem> {
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|position| *position >= 0)
        .ok_or_else(|| not_a_position(field))
}

fn not_a_position(field: &'static str) -> ApiProblem {
    let error = FieldError::new(
        field,
        "A position is a whole number, 0 or more: the id of the last message received.",
    );
    ApiProblem(Problem::bad_request(format!("{field} is not a position.")).with_errors(vec![error]))
}

/// The response: a `retry` hint first, then one `order` message per update.
fn event_stream(subscription: Subscription) -> Response {
    let retry = stream::once(async { Ok(Event::default().retry(RETRY)) });
    // Counted in `sse_streams_open` for as long as the stream lives.
    let open = OpenGauge::new("sse_streams_open");
    let updates = subscription.into_stream().map(move |update| {
        let _counted = &open;
        message(&update)
    });
    let mut response = Sse::new(retry.chain(updates))
        .keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
        .into_response();
    // Asks nginx-style proxies not to buffer the stream either.
    response.headers_mut().insert(
        HeaderName::from_static("x-accel-buffering"),
        HeaderValue::from_static("no"),
    );
    response
}

fn message(update: &OrderUpdate) -> Result<Event, axum::Error> {
    Event::default()
        .event(ORDER_UPDATE_EVENT)
        .id(update.position.to_string())
        .json_data(update)
}
