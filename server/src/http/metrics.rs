//! `GET /metrics`: the mediator's request and event metrics, and the projection lag, in
//! Prometheus text format.

use crate::http::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::{Router, routing::get};
use mediator::MetricsRegistry;

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/metrics", get(metrics))
}

async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, MetricsRegistry::CONTENT_TYPE)],
        state.metrics.render_prometheus() + &state.projection_lag.render_prometheus(),
    )
}
