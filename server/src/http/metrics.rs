//! `GET /metrics`: the mediator's request and event metrics, and the projection lag, in
//! Prometheus text format. Order volumes are business data: only a manager's session or
//! `Authorization: Bearer <METRICS_TOKEN>` (for a scraper) may read them.

use crate::http::AppState;
use crate::http::problem::ApiProblem;
use crate::http::session::Sender;
use crate::metrics::CONTENT_TYPE;
use anyhow::Context as _;
use app::contracts::{Caller, StaffRole};
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::IntoResponse;
use axum::{Router, routing::get};
use mediator::Problem;
use sha2::{Digest, Sha256};
use std::net::SocketAddr;
use tokio::net::TcpListener;

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/metrics", get(metrics))
}

/// Answers `GET /metrics` to anyone on `address` (`METRICS_ADDR`), until the process
/// ends; returns the address bound.
pub(crate) async fn serve_metrics(
    address: SocketAddr,
    state: AppState,
) -> anyhow::Result<SocketAddr> {
    let listener = TcpListener::bind(address)
        .await
        .with_context(|| format!("binding METRICS_ADDR {address}"))?;
    let bound = listener
        .local_addr()
        .context("reading METRICS_ADDR's address")?;
    let router = Router::new()
        .route("/metrics", get(open_metrics))
        .with_state(state);
    tokio::spawn(async move {
        if let Err(error) = axum::serve(listener, router).await {
            tracing::error!(%error, "the metrics listener stopped");
        }
    });
    Ok(bound)
}

/// `/metrics` on `METRICS_ADDR`: whoever reaches that address may read them.
async fn open_metrics(State(state): State<AppState>) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, CONTENT_TYPE)], render(&state))
}

async fn metrics(
    State(state): State<AppState>,
    headers: HeaderMap,
    sender: Sender,
) -> Result<impl IntoResponse, ApiProblem> {
    if !has_token(&headers, state.metrics_token.as_ref()) {
        match sender.caller {
            Caller::Staff(user) if user.role == StaffRole::Manager => {}
            Caller::Staff(_) | Caller::Customer(_) => {
                return Err(Problem::forbidden("Metrics are for managers.").into());
            }
            Caller::Anonymous => {
                return Err(Problem::unauthorized(
                    "Metrics need a manager's session or the metrics token.",
                )
                .into());
            }
        }
    }
    Ok(([(header::CONTENT_TYPE, CONTENT_TYPE)], render(&state)))
}

/// Every metric of the process as Prometheus text, the scraped gauges read just now.
pub(crate) fn render(state: &AppState) -> String {
    state.scraped.sample();
    state.metrics.render()
}

/// Whether the request carries the configured bearer token. Digests are compared, so the
/// time taken says nothing about how much of a guess was right.
fn has_token(headers: &HeaderMap, token_digest: Option<&[u8; 32]>) -> bool {
    let Some(expected) = token_digest else {
        return false;
    };
    headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .is_some_and(|given| token_digest_of(given.trim()) == *expected)
}

/// What `AppState::metrics_token` holds for a configured token.
pub(crate) fn token_digest_of(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}
