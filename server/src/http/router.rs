//! [`router`]: the whole site in one axum router, and the layers around it.

use crate::http::api_doc::api_router;
use crate::http::built_files::built_files;
use crate::http::page_account::page_account;
use crate::http::problem::problem_for_bare_errors;
use crate::http::rate_limits::limit_rates;
use crate::http::request_id::request_id;
use crate::http::same_origin::refuse_cross_origin;
use crate::http::security_headers::security_headers;
use crate::http::session::caller_lookup;
use crate::http::{AppState, health, metrics};
use app::{App, shell};
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::{Router, middleware};
use leptos_axum::{AxumRouteListing, LeptosRoutes, generate_route_list};
use std::sync::LazyLock;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::RequestBodyTimeoutLayer;

/// Largest request body accepted, REST or server function.
const BODY_LIMIT: usize = 64 * 1024;

/// The pages' routes, walked out of the [`App`] once per process.
///
/// Walking them sets a process-wide leptos flag (`SuppressResourceLoad`) that parks,
/// forever, any page resource first polled meanwhile (leptos issue #4773). One walk,
/// finished before any server of this process answers, leaves no such window: a second
/// server built in the same process (as the API tests build one per test) reuses it.
static PAGE_ROUTES: LazyLock<Vec<AxumRouteListing>> = LazyLock::new(|| generate_route_list(App));

/// The whole site: REST, server functions, pages and static files.
pub(crate) fn router(state: AppState) -> Router {
    let routes = PAGE_ROUTES.clone();
    let mediator = state.mediator.clone();
    let auth = state.auth.clone();
    let built_files = built_files(&state.leptos_options);
    let pages = Router::new()
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                leptos::prelude::provide_context(mediator.clone());
                leptos::prelude::provide_context(caller_lookup(auth.clone()));
            },
            {
                let options = state.leptos_options.clone();
                move || shell(options.clone())
            },
        )
        // Who is signed in, for the header, found before a page renders.
        .route_layer(middleware::from_fn_with_state(state.clone(), page_account));
    Router::new()
        .merge(api_router())
        .merge(metrics::router())
        .merge(health::router())
        .merge(pages)
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        // A body has as long to arrive as its headers had (`HTTP_HEADER_TIMEOUT_SECS`).
        .layer(RequestBodyTimeoutLayer::new(state.read_timeout))
        .merge(built_files)
        // Pages and API answers are never to be reused unchecked, nor is a built file
        // whose name carries no content hash (`built_files` marks the hashed ones
        // immutable): a new main module must never meet an old chunk.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn_with_state(state.clone(), limit_rates))
        .layer(middleware::from_fn(problem_for_bare_errors))
        .layer(middleware::from_fn(refuse_cross_origin))
        .layer(middleware::from_fn(security_headers))
        // Outermost: every answer, even a refusal by the layers above, has an id and a
        // line in the access log.
        .layer(middleware::from_fn(request_id))
        .with_state(state)
}
