//! [`AppState`]: what every route can reach.

use crate::health::Readiness;
use crate::http::RateLimiters;
use crate::metrics::Scraped;
use crate::staff::StaffAuth;
use axum::extract::FromRef;
use ipnet::IpNet;
use leptos::config::LeptosOptions;
use mediator::Mediator;
use metrics_exporter_prometheus::PrometheusHandle;
use std::sync::Arc;

/// What every route can reach.
#[derive(Clone)]
pub(crate) struct AppState {
    pub mediator: Mediator,
    /// Renders what the process recorded, for `/metrics`.
    pub metrics: PrometheusHandle,
    /// The gauges read when `/metrics` is scraped.
    pub scraped: Scraped,
    /// What `/readyz` checks.
    pub readiness: Readiness,
    /// Staff sign-in and sessions.
    pub auth: StaffAuth,
    /// Whether the site is served over https (`PUBLIC_URL`): session cookies are `Secure`.
    pub https: bool,
    /// The SHA-256 of `METRICS_TOKEN`, when set: a bearer token that may read `/metrics`.
    pub metrics_token: Option<[u8; 32]>,
    /// How long a request's headers, and then its body, may take to arrive.
    pub read_timeout: std::time::Duration,
    /// Per-client request limits (`rate_limits.rs`).
    pub rate_limits: Arc<RateLimiters>,
    /// `TRUSTED_PROXIES`: peers whose `X-Forwarded-For` names the client (`client.rs`).
    pub trusted_proxies: Arc<[IpNet]>,
    pub leptos_options: LeptosOptions,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
