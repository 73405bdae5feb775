//! Hostile input through every door never gets a 5xx: a generated set of malformed
//! bodies, methods and path segments, sent to every REST route, every server function
//! and a few pages, anonymously and as a manager. Every refusal is a problem: REST and
//! pages answer `application/problem+json` (or their HTML error page), and so do server
//! functions.

use crate::helpers::{TestApp, spawn_app, valid_order};
use reqwest::Method;

/// Every REST route, `{id}` standing for a path segment.
const ROUTES: &[&str] = &[
    "/api/analytics/popular-pizzas",
    "/api/analytics/revenue",
    "/api/analytics/orders-by-status",
    "/api/auth/login",
    "/api/auth/logout",
    "/api/auth/me",
    "/api/customers/{id}/history",
    "/api/delivery/board",
    "/api/delivery/drivers",
    "/api/kitchen/queue",
    "/api/menu",
    "/api/menu/{id}",
    "/api/staff/menu",
    "/metrics",
    "/api/orders",
    "/api/orders/{id}",
    "/api/orders/{id}/status",
    "/api/orders/{id}/cook",
    "/api/orders/{id}/ready",
    "/api/orders/{id}/assign",
    "/api/orders/{id}/deliver",
    "/api/orders/{id}/cancel",
    "/api/stream/kitchen",
    "/api/orders/{id}/stream",
    "/orders/{id}",
    "/staff/{id}",
    "/pkg/{id}",
];

/// Every server function's endpoint under `/api/fn/`.
const SERVER_FUNCTIONS: &[&str] = &[
    "get_popular_pizzas",
    "get_recent_revenue",
    "get_order_counts_by_status",
    "get_menu",
    "place_order",
    "get_order",
    "cancel_order",
    "get_customer_history",
    "assign_delivery",
    "mark_order_delivered",
    "get_delivery_board",
    "list_drivers",
    "start_cooking",
    "mark_order_ready",
    "get_kitchen_queue",
    "get_editable_menu",
    "add_pizza",
    "update_pizza",
    "remove_pizza",
    "current_staff",
];

fn segments(order_id: &str) -> Vec<String> {
    vec![
        "not-a-uuid".into(),
        "%ZZ".into(),
        "%00".into(),
        "%FF%FE".into(),
        "..%2F..%2Fetc%2Fpasswd".into(),
        "x".repeat(4000),
        "00000000-0000-0000-0000-000000000000".into(),
        order_id.into(),
    ]
}

fn bodies() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("application/json", Vec::new()),
        ("application/json", b"{".to_vec()),
        ("application/json", b"null".to_vec()),
        ("application/json", b"[1,2,3]".to_vec()),
        (
            "application/json",
            b"{\"order_id\": 12, \"min_position\": \"x\"}".to_vec(),
        ),
        ("application/json", "[".repeat(10_000).into_bytes()),
        ("application/json", vec![0xff, 0xfe, 0x00, 0x7b]),
        ("application/json", vec![b' '; 70 * 1024]),
        ("application/x-www-form-urlencoded", b"a=%ZZ&&=&b".to_vec()),
        ("text/plain", b"hello".to_vec()),
    ]
}

/// Sends every combination to `app` (with `cookie`, when given) and returns a line per
/// answer that breaks the rules.
async fn failures(app: &TestApp, cookie: Option<&str>, order_id: &str) -> Vec<String> {
    let mut failures = Vec::new();
    let methods = [
        Method::GET,
        Method::POST,
        Method::PUT,
        Method::DELETE,
        Method::PATCH,
    ];
    let mut requests: Vec<(Method, String)> = Vec::new();
    for route in ROUTES {
        let paths: Vec<String> = if route.contains("{id}") {
            segments(order_id)
                .iter()
                .map(|segment| route.replace("{id}", segment))
                .collect()
        } else {
            vec![(*route).to_owned()]
        };
        for path in paths {
            for method in &methods {
                // A well-formed stream stays open: that is its job, not a failure.
                let streams = path.contains("/stream") && !path.contains("not-a-uuid");
                if streams && *method == Method::GET {
                    continue;
                }
                requests.push((method.clone(), path.clone()));
            }
        }
    }
    for function in SERVER_FUNCTIONS {
        requests.push((Method::POST, format!("/api/fn/{function}")));
    }
    for (method, path) in requests {
        for (content_type, body) in bodies() {
            let mut request = app
                .client
                .request(method.clone(), format!("{}{path}", app.address))
                .header("content-type", content_type)
                .body(body);
            if let Some(cookie) = cookie {
                request = request.header("cookie", cookie);
            }
            let response = request.send().await.expect("an answer");
            let status = response.status();
            let kind = response
                .headers()
                .get("content-type")
                .and_then(|kind| kind.to_str().ok())
                .unwrap_or("")
                .to_owned();
            let shaped =
                kind.starts_with("application/problem+json") || kind.starts_with("text/html");
            let short = &path[..path.len().min(60)];
            if status.is_server_error() {
                failures.push(format!("{method} {short} ({content_type}): {status}"));
            } else if status.is_client_error() && !shaped {
                failures.push(format!(
                    "{method} {short} ({content_type}): {status} as {kind:?}"
                ));
            }
        }
    }
    failures
}

#[tokio::test]
async fn no_malformed_body_method_or_path_gets_a_5xx_or_an_unshaped_error() {
    let app = spawn_app().await;
    let order = app.place(&valid_order()).await;
    let order_id = order["order_id"].as_str().unwrap().to_owned();
    let manager = app.session_of("manager").await;
    let mut found = failures(&app, None, &order_id).await;
    found.extend(failures(&app, Some(&manager), &order_id).await);
    assert!(
        found.is_empty(),
        "{} bad answers:\n{}",
        found.len(),
        found.join("\n")
    );
}
