//! The REST API under `/api` and its OpenAPI 3.1 document, built together: each module's
//! `router()` registers its handlers through utoipa-axum's `routes!`, which takes a
//! route's method and path from the handler's `#[utoipa::path]`, so no route is served
//! that the document lacks (a test below holds that against axum's own route table).
//!
//! [`ApiDoc`] adds what no single route says: the title, the tags and the session
//! cookie. [`add_problem_answers`] adds the problem+json answers that the layers give
//! for every route (a malformed request, too many requests, a database outage...), so
//! a route documents only the answers of its own. The document is served as JSON at
//! `GET /api/openapi.json` and as a reference page at `GET /api/docs`
//! (`api_reference.rs`), both from memory.

use crate::http::api_reference::reference_page;
use crate::http::problem::ApiProblem;
use crate::http::{AppState, analytics, auth, customers, delivery, kitchen, menu, orders};
use crate::http::{
    hours, integration, inventory, outbox, payments, pricing, staff_members, staff_orders, streams,
};
use app::contracts::{OrderStatus, TimeBucket};
use app::error::ProblemDocument;
use axum::body::Bytes;
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};
use axum::{Extension, Router};
use mediator::Problem;
use std::sync::Arc;
use utoipa::openapi::path::{Operation, PathItem};
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::openapi::{ContentBuilder, HeaderBuilder, OpenApi as Document, Ref, RefOr};
use utoipa::{Modify, OpenApi, PartialSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The media type of every error answer.
const PROBLEM_JSON: &str = "application/problem+json";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Mario's Pizzeria API",
        description = "Order pizza, follow an order, run the kitchen, the deliveries and \
            the menu. Every error answer is an RFC 9457 problem (`application/problem+json`) \
            whose `errors` name the fields at fault. Staff and customers sign in with \
            `POST /api/auth/login`, which sets the session cookie the secured routes \
            read. Writes answer the event `position` they committed; reads take \
            `?min_position=` to wait until the read models include it.",
        license(name = "MIT", identifier = "MIT"),
    ),
    tags(
        (name = "menu", description = "The pizzas on sale, and the manager's menu editor."),
        (name = "orders", description = "Placing and reading orders."),
        (name = "pricing", description = "What an order costs beyond its pizzas: a quote \
            for a cart, and the delivery fee, tax and promo codes managers set."),
        (name = "hours", description = "When the shop takes orders: its time zone, weekly \
            hours and closure days."),
        (name = "lifecycle", description = "Moving an order on: cook, ready, assign, \
            deliver, cancel."),
        (name = "live", description = "Server-Sent Event streams of order updates."),
        (name = "kitchen", description = "The chefs' queue."),
        (name = "delivery", description = "The drivers' board."),
        (name = "customers", description = "Customer histories, and a customer's own \
            profile, orders and notifications."),
        (name = "accounts", description = "Signing up, in and out."),
        (name = "inventory", description = "Ingredient stock and recipes, for managers."),
        (name = "analytics", description = "Sales figures, for managers."),
        (name = "integration", description = "The event log as CloudEvents, for staff and other services."),
        (name = "outbox", description = "Messages that could not be sent, for managers."),
        (name = "staff", description = "Staff accounts, for managers."),
        (name = "reference", description = "This document."),
    ),
    // The schemas that only parameters name (utoipa-axum collects those of bodies).
    components(schemas(ProblemDocument, TimeBucket, OrderStatus)),
    modifiers(&SessionCookie),
)]
struct ApiDoc;

/// The `session` security scheme the secured routes name: the cookie `/auth/login` sets.
struct SessionCookie;

impl Modify for SessionCookie {
    fn modify(&self, doc: &mut Document) {
        let scheme = SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
            "pizzeria_session",
            "Set by `POST /api/auth/login` (named `__Host-pizzeria_session` over https).",
        )));
        doc.components
            .get_or_insert_with(Default::default)
            .add_security_scheme("session", scheme);
    }
}

/// The document as it is served, rendered once.
pub(crate) struct ApiDocument {
    json: Bytes,
    page: String,
}

/// The REST API, to be nested under `/api`, and its document.
pub(crate) fn api_router() -> Router<AppState> {
    let (router, document) = api_parts();
    let document = Arc::new(ApiDocument {
        json: Bytes::from(document.to_json().unwrap_or_default()),
        page: reference_page(&document),
    });
    router.layer(Extension(document))
}

/// Every route of the API, with the document they make.
fn api_parts() -> (Router<AppState>, Document) {
    let api = OpenApiRouter::new()
        .merge(menu::router())
        .merge(orders::router())
        .merge(pricing::router())
        .merge(hours::router())
        .merge(staff_orders::router())
        .merge(payments::router())
        .merge(inventory::router())
        .merge(streams::router())
        .merge(kitchen::router())
        .merge(delivery::router())
        .merge(customers::router())
        .merge(auth::router())
        .merge(analytics::router())
        .merge(integration::router())
        .merge(outbox::router())
        .merge(staff_members::router())
        .routes(routes!(openapi_json))
        .routes(routes!(api_docs))
        .fallback(|| async { ApiProblem(Problem::not_found("There is no such API route.")) });
    let (router, mut document) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .nest("/api", api)
        .split_for_parts();
    add_problem_answers(&mut document);
    (router, document)
}

/// This document, as JSON.
#[utoipa::path(get, path = "/openapi.json", tag = "reference",
    responses((status = 200, description = "The OpenAPI 3.1 document.",
        content_type = "application/json", body = serde_json::Value)))]
async fn openapi_json(Extension(document): Extension<Arc<ApiDocument>>) -> Response {
    let json = HeaderValue::from_static("application/json");
    ([(header::CONTENT_TYPE, json)], document.json.clone()).into_response()
}

/// This document, as a page to read.
#[utoipa::path(get, path = "/docs", tag = "reference",
    responses((status = 200, description = "The API reference.", content_type = "text/html",
        body = String)))]
async fn api_docs(Extension(document): Extension<Arc<ApiDocument>>) -> Response {
    // Its own policy: the page has one inline style sheet and nothing else.
    let policy = HeaderValue::from_static(
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    );
    let page = Html(document.page.clone());
    ([(header::CONTENT_SECURITY_POLICY, policy)], page).into_response()
}

/// Adds to every operation the problem answers the layers give, unless it documents that
/// status itself; and gives every error answer that names no body the problem body.
fn add_problem_answers(document: &mut Document) {
    for (path, item) in document.paths.paths.iter_mut() {
        let has_path_params = path.contains('{');
        for (method, operation) in operations(item) {
            let secured = operation.security.as_ref().is_some_and(|s| !s.is_empty());
            let has_body = operation.request_body.is_some();
            let has_params = operation.parameters.as_ref().is_some_and(|p| !p.is_empty());
            let mut add = |status: &str, description: &str| {
                operation
                    .responses
                    .responses
                    .entry(status.to_owned())
                    .or_insert_with(|| RefOr::T(problem_answer(status, description)));
            };
            add(
                "400",
                "The request is malformed: its JSON, query string or path.",
            );
            if has_body {
                add("413", "The body is over 64 KiB.");
            }
            if has_body || has_params {
                add("422", "A field is invalid; `errors` names each one.");
            }
            if secured {
                add("401", "Nobody is signed in.");
            }
            if secured || method != "get" {
                add(
                    "403",
                    "The caller may not do this, or the request came from another site.",
                );
            }
            if has_path_params {
                add("404", "There is no such resource.");
            }
            add(
                "429",
                "Too many requests from this client; see `Retry-After`.",
            );
            add(
                "503",
                "The service cannot answer now (the database is unreachable); see `Retry-After`.",
            );
            for (status, answer) in operation.responses.responses.iter_mut() {
                if let RefOr::T(answer) = answer
                    && is_error(status)
                    && answer.content.is_empty()
                {
                    *answer = problem_answer(status, &answer.description);
                }
            }
        }
    }
}

/// An error answer: a problem+json body, with `Retry-After` where it tells when to retry.
fn problem_answer(status: &str, description: &str) -> utoipa::openapi::Response {
    let body = ContentBuilder::new()
        .schema(Some(Ref::from_schema_name("Problem")))
        .build();
    let mut answer = ResponseBuilder::new()
        .description(description)
        .content(PROBLEM_JSON, body);
    if matches!(status, "429" | "503") {
        let retry_after = HeaderBuilder::new()
            .schema(Some(<u32 as PartialSchema>::schema()))
            .description(Some("Seconds to wait before trying again."))
            .build();
        answer = answer.header("Retry-After", retry_after);
    }
    answer.build()
}

fn is_error(status: &str) -> bool {
    status.starts_with('4') || status.starts_with('5')
}

/// The operations of a path, with their methods in lower case.
fn operations(item: &mut PathItem) -> impl Iterator<Item = (&'static str, &mut Operation)> {
    [
        ("get", item.get.as_mut()),
        ("put", item.put.as_mut()),
        ("post", item.post.as_mut()),
        ("delete", item.delete.as_mut()),
        ("patch", item.patch.as_mut()),
        ("head", item.head.as_mut()),
        ("options", item.options.as_mut()),
        ("trace", item.trace.as_mut()),
    ]
    .into_iter()
    .filter_map(|(method, operation)| operation.map(|operation| (method, operation)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;
    use std::collections::{BTreeMap, BTreeSet};

    /// `path -> methods` (lower case, HEAD left out).
    type Routes = BTreeMap<String, BTreeSet<String>>;

    /// The routes axum serves, read from its route table. axum has no API that lists
    /// them, but its `Debug` shows every path and each path's `Allow` header (the
    /// fallback's table, which numbers its routes anew, comes after them).
    fn served(router: &Router<AppState>) -> Routes {
        let debug = format!("{router:?}");
        let (table, _) = debug
            .split_once("fallback_router")
            .expect("axum's Debug shows the fallback router after the routes");
        let mut paths = BTreeMap::new();
        let mut methods = BTreeMap::new();
        for entry in table.split("RouteId(").skip(1) {
            let Some((id, rest)) = entry.split_once("): ") else {
                continue;
            };
            if let Some(path) = rest.strip_prefix('"') {
                let end = path.find('"').expect("a path ends with a quote");
                paths.insert(id.to_owned(), path[..end].to_owned());
            } else if let Some((_, allowed)) = rest.split_once("allow_header: Bytes(b\"") {
                let end = allowed
                    .find('"')
                    .expect("the Allow header ends with a quote");
                let allowed: BTreeSet<String> = allowed[..end]
                    .split(',')
                    .filter(|method| *method != "HEAD")
                    .map(str::to_lowercase)
                    .collect();
                methods.insert(id.to_owned(), allowed);
            }
        }
        paths
            .into_iter()
            // The API's fallback, which answers every other path with a 404 problem.
            .filter(|(_, path)| !path.contains("__private__axum_fallback"))
            .map(|(id, path)| {
                let allowed = methods.remove(&id).unwrap_or_default();
                (path, allowed)
            })
            .collect()
    }

    fn documented(document: &Document) -> Routes {
        let mut document = document.clone();
        document
            .paths
            .paths
            .iter_mut()
            .map(|(path, item)| {
                let methods = operations(item).map(|(m, _)| m.to_owned()).collect();
                (path.clone(), methods)
            })
            .collect()
    }

    #[test]
    fn the_document_describes_every_route_the_api_serves_and_no_other() {
        let (router, document) = api_parts();
        let served = served(&router);
        assert!(
            served.len() >= 30 && served.contains_key("/api/orders/{id}/cook"),
            "axum's route table could not be read: {served:?}"
        );
        assert!(served.values().all(|methods| !methods.is_empty()));
        assert_eq!(served, documented(&document));
    }

    /// Every `$ref` in `value`.
    fn references<'a>(value: &'a Value, found: &mut BTreeSet<&'a str>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(target)) = map.get("$ref") {
                    found.insert(target);
                }
                map.values().for_each(|v| references(v, found));
            }
            Value::Array(items) => items.iter().for_each(|v| references(v, found)),
            _ => {}
        }
    }

    #[test]
    fn every_schema_the_document_names_is_in_it() {
        let (_, document) = api_parts();
        let json = serde_json::to_value(&document).unwrap();
        let mut found = BTreeSet::new();
        references(&json, &mut found);
        assert!(found.contains("#/components/schemas/Problem"));
        for target in found {
            let name = target.strip_prefix("#/components/schemas/").unwrap();
            assert!(
                json["components"]["schemas"].get(name).is_some(),
                "{target} is named but not defined"
            );
        }
    }

    #[test]
    fn every_error_answer_is_a_problem_and_secured_routes_answer_401() {
        let (_, document) = api_parts();
        let json = serde_json::to_value(&document).unwrap();
        for (path, item) in json["paths"].as_object().unwrap() {
            for (method, operation) in item.as_object().unwrap() {
                let answers = operation["responses"].as_object().unwrap();
                for (status, answer) in answers.iter().filter(|(s, _)| is_error(s)) {
                    let schema = &answer["content"][PROBLEM_JSON]["schema"]["$ref"];
                    assert_eq!(
                        schema, "#/components/schemas/Problem",
                        "{method} {path} {status}"
                    );
                }
                if operation.get("security").is_some() {
                    assert!(answers.contains_key("401"), "{method} {path}");
                }
                assert!(answers.contains_key("503"), "{method} {path}");
            }
        }
    }
}
