//! `X-Request-Id`: every request has one, the client's when it sent a UUID, else a new
//! one. It comes back on the response, names the request in the access log, and is the
//! correlation id of every event the request causes (`events/correlation.rs`). Anything
//! but a UUID is replaced, so a client cannot write what it likes into logs or events.

use crate::events::at_the_edge;
use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderName, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;
use metrics::histogram;
use std::time::Instant;
use tracing::Instrument as _;
use uuid::Uuid;

/// The header's name.
pub(crate) static X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Gives the request its id, serves it inside it, and logs one line when it is answered:
/// method, route (its pattern, so ids in paths stay out of the log), status, latency.
pub(crate) async fn request_id(request: Request, next: Next) -> Response {
    let id = request
        .headers()
        .get(&X_REQUEST_ID)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| Uuid::parse_str(value.trim()).ok())
        .unwrap_or_else(Uuid::new_v4);
    let method = request.method().clone();
    let matched = request
        .extensions()
        .get::<MatchedPath>()
        .map(|path| path.as_str().to_owned());
    let route = matched
        .clone()
        .unwrap_or_else(|| route_of(request.uri().path()));
    let series_route = matched.unwrap_or_else(|| unmatched_series(request.uri().path()));
    let span = tracing::info_span!("request", %method, %route, request_id = %id);
    let started = Instant::now();
    let mut response = at_the_edge(id, next.run(request))
        .instrument(span.clone())
        .await;
    let took = started.elapsed();
    let latency_ms = took.as_secs_f64() * 1000.0;
    let status = response.status().as_u16();
    span.in_scope(|| {
        tracing::info!(status, latency_ms, "answered");
    });
    histogram!(
        "http_request_duration_seconds",
        "method" => method_series(&method),
        "route" => series_route,
        "status" => status.to_string()
    )
    .record(took);
    if let Ok(value) = HeaderValue::from_str(&id.to_string()) {
        response.headers_mut().insert(X_REQUEST_ID.clone(), value);
    }
    response
}

/// The `route` label of a path no router pattern matched: built files and the home page
/// by name, anything else one series, so that clients cannot mint new ones.
fn unmatched_series(path: &str) -> String {
    match route_of(path).as_str() {
        route @ ("/" | "/pkg/*") => route.to_owned(),
        _ => "(unmatched)".to_owned(),
    }
}

/// The `method` label: the methods HTTP defines; anything else one series.
fn method_series(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        Method::CONNECT => "CONNECT",
        Method::TRACE => "TRACE",
        _ => "(other)",
    }
}

/// The route of a path no router pattern matched: built files and pages keep theirs,
/// anything else is logged by its first segment only.
fn route_of(path: &str) -> String {
    let first = path
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default();
    match first {
        "" => "/".into(),
        "pkg" => "/pkg/*".into(),
        _ if first.len() <= 32
            && first
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)) =>
        {
            format!("/{first}/*")
        }
        _ => "(other)".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unmatched_paths_and_unknown_methods_make_no_new_series() {
        assert_eq!(unmatched_series("/pkg/pizzeria.abc.wasm"), "/pkg/*");
        assert_eq!(unmatched_series("/"), "/");
        assert_eq!(unmatched_series("/anything-at-all/7"), "(unmatched)");
        assert_eq!(unmatched_series("/another"), "(unmatched)");
        let made_up = Method::from_bytes(b"BREW").unwrap();
        assert_eq!(method_series(&made_up), "(other)");
        assert_eq!(method_series(&Method::PUT), "PUT");
    }

    #[test]
    fn an_unmatched_path_is_logged_by_its_first_safe_segment() {
        assert_eq!(route_of("/"), "/");
        assert_eq!(route_of("/pkg/pizzeria.abc.wasm"), "/pkg/*");
        assert_eq!(
            route_of("/orders/5f0e2c1a-0000-4000-8000-000000000000"),
            "/orders/*"
        );
        assert_eq!(route_of("/%0a%0dinjected"), "(other)");
    }
}
