//! HTTP: the REST API under `/api`, the server functions and the Leptos pages, with
//! compression and a 64 KiB body limit. Every REST route only builds a contract and sends
//! it through the mediator; [`problem`] is the one place a problem becomes a response.

mod analytics;
mod customers;
mod json;
mod kitchen;
mod menu;
mod metrics;
mod orders;
mod problem;
mod query;
mod reply;

use app::{App, shell};
use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRef};
use leptos::config::LeptosOptions;
use leptos_axum::{LeptosRoutes, generate_route_list};
use mediator::{Mediator, MetricsRegistry, Problem};
use problem::ApiProblem;
use std::sync::Arc;
use tower_http::compression::CompressionLayer;

/// Largest request body accepted, REST or server function.
pub(crate) const BODY_LIMIT: usize = 64 * 1024;

/// What every route can reach.
#[derive(Clone)]
pub(crate) struct AppState {
    pub mediator: Mediator,
    pub metrics: Arc<MetricsRegistry>,
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
        .merge(customers::router())
        .merge(kitchen::router())
        .merge(analytics::router())
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
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(CompressionLayer::new())
        .with_state(state)
}
