//! HTTP: the REST API under `/api` (its live updates over SSE in `streams`), the server
//! functions and the Leptos pages, with compression (never of an event stream) and a
//! 64 KiB body limit. Every REST route only builds a contract and sends
//! it through the mediator, with the caller the session cookie names (`auth.rs`);
//! [`problem`] is the one place a problem becomes a response.

mod analytics;
mod auth;
mod auth_form;
mod customers;
mod delivery;
mod json;
mod kitchen;
mod menu;
mod metrics;
mod orders;
mod problem;
mod query;
mod reply;
mod staff_orders;
mod streams;

use crate::staff::StaffAuth;
use app::{App, shell};
use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRef};
use axum::http::{HeaderValue, header};
use axum::middleware;
use leptos::config::LeptosOptions;
use leptos_axum::{LeptosRoutes, generate_route_list};
use mediator::{Mediator, MetricsRegistry, Problem};
use problem::ApiProblem;
use std::sync::Arc;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

/// Largest request body accepted, REST or server function.
pub(crate) const BODY_LIMIT: usize = 64 * 1024;

/// What every route can reach.
#[derive(Clone)]
pub(crate) struct AppState {
    pub mediator: Mediator,
    pub metrics: Arc<MetricsRegistry>,
    /// Staff sign-in and sessions.
    pub auth: StaffAuth,
    /// Whether the site is served over https (`PUBLIC_URL`): session cookies are `Secure`.
    pub https: bool,
    pub leptos_options: LeptosOptions,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The whole site: REST, server functions, pages and static files.
pub(crate) fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let mediator = state.mediator.clone();
    let api = Router::new()
        .merge(menu::router())
        .merge(orders::router())
        .merge(staff_orders::router())
        .merge(auth::router())
        .merge(customers::router())
        .merge(kitchen::router())
        .merge(delivery::router())
        .merge(analytics::router())
        .merge(streams::router())
        .fallback(|| async { ApiProblem(Problem::not_found("There is no such API route.")) });
    Router::new()
        .nest("/api", api)
        .merge(metrics::router())
        .leptos_routes_with_context(
            &state,
            routes,
            move || leptos::prelude::provide_context(mediator.clone()),
            {
                let options = state.leptos_options.clone();
                move || shell(options.clone())
            },
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            auth::resolve_caller,
        ))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        // The built files (`/pkg`: the main wasm module, its lazy chunks, the glue and the
        // CSS) keep their names from one build to the next, so a browser must check each
        // time that its copy is current, or a new main module could meet an old chunk.
        // Pages and API answers are never to be reused unchecked either.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
        .layer(CompressionLayer::new())
        .with_state(state)
}
