//! A customer's notification inbox: `GET /api/profile/me/notifications`, and
//! `POST /api/profile/me/notifications/{id}/read` and `.../dismiss`.

use crate::customer_accounts::registered;
use crate::helpers::{TestApp, assert_problem, error_fields, spawn_app, valid_order};
use crate::pages::page;
use reqwest::Method;
use serde_json::{Value, json};

/// Places `valid_order` as the holder of `cookie`; answers its id and position.
async fn place_as(app: &TestApp, cookie: &str) -> (String, i64) {
    let response = app
        .call(
            Method::POST,
            "/api/orders",
            Some(cookie),
            Some(&valid_order()),
        )
        .await;
    assert_eq!(response.status(), 201);
    let placed: Value = response.json().await.unwrap();
    let id = placed["order_id"].as_str().unwrap().to_owned();
    (id, placed["position"].as_i64().unwrap())
}

/// The inbox of the holder of `cookie`, once it includes `min_position`.
async fn inbox(app: &TestApp, cookie: &str, min_position: i64) -> Value {
    let path = format!("/api/profile/me/notifications?min_position={min_position}");
    let response = app.call(Method::GET, &path, Some(cookie), None).await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

/// Sends `read` or `dismiss` for notification `id` as the holder of `cookie`.
async fn act(app: &TestApp, cookie: &str, id: &Value, action: &str) -> reqwest::Response {
    let path = format!("/api/profile/me/notifications/{id}/{action}");
    app.call(Method::POST, &path, Some(cookie), None).await
}

fn statuses(inbox: &Value) -> Vec<(String, bool)> {
    inbox["notifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["status"].as_str().unwrap().to_owned(), n["read"] == true))
        .collect()
}

#[tokio::test]
async fn each_status_change_of_a_customers_order_reaches_their_inbox_to_read_and_dismiss() {
    let app = spawn_app().await;
    let giulia = registered(&app, "giulia").await;
    let chef = app.session_of("chef").await;
    let (order_id, _) = place_as(&app, &giulia).await;
    let cooked = app
        .call(
            Method::PUT,
            &format!("/api/orders/{order_id}/cook"),
            Some(&chef),
            None,
        )
        .await;
    assert_eq!(cooked.status(), 200);
    let cooked: Value = cooked.json().await.unwrap();

    let listed = inbox(&app, &giulia, cooked["position"].as_i64().unwrap()).await;
    assert_eq!(listed["unread"], 2);
    assert_eq!(
        statuses(&listed),
        [("cooking".into(), false), ("pending".into(), false)],
        "newest first"
    );
    let cooking = &listed["notifications"][0];
    assert_eq!(cooking["text"], "Your pizza is in the oven.");
    assert_eq!(cooking["order_id"], order_id.as_str());
    assert_eq!(
        cooking["id"], cooked["position"],
        "its id is the event's position"
    );
    let placed_id = listed["notifications"][1]["id"].clone();
    let cooking_id = cooking["id"].clone();

    let read = act(&app, &giulia, &placed_id, "read").await;
    assert_eq!(read.status(), 200);
    let read: Value = read.json().await.unwrap();
    assert_eq!(
        (&read["read"], &read["dismissed"]),
        (&json!(true), &json!(false))
    );
    let listed = inbox(&app, &giulia, read["position"].as_i64().unwrap()).await;
    assert_eq!(listed["unread"], 1);
    assert_eq!(
        statuses(&listed),
        [("cooking".into(), false), ("pending".into(), true)],
        "unread first"
    );

    let dismissed = act(&app, &giulia, &cooking_id, "dismiss").await;
    assert_eq!(dismissed.status(), 200);
    let dismissed: Value = dismissed.json().await.unwrap();
    assert_eq!(dismissed["dismissed"], true);
    let listed = inbox(&app, &giulia, dismissed["position"].as_i64().unwrap()).await;
    assert_eq!(listed["unread"], 0);
    assert_eq!(statuses(&listed), [("pending".into(), true)]);

    // Doing it again changes nothing and records nothing.
    let again = act(&app, &giulia, &cooking_id, "dismiss").await;
    assert_eq!(again.status(), 200);
    let again: Value = again.json().await.unwrap();
    assert_eq!(again["position"], cooking_id);
    let again = act(&app, &giulia, &placed_id, "read").await;
    assert_eq!(again.status(), 200);
}

#[tokio::test]
async fn a_cancellation_tells_its_reason() {
    let app = spawn_app().await;
    let giulia = registered(&app, "giulia").await;
    let (order_id, _) = place_as(&app, &giulia).await;
    let reason = json!({"reason": "Ordered twice"});
    let cancelled = app
        .call(
            Method::PUT,
            &format!("/api/orders/{order_id}/cancel"),
            Some(&giulia),
            Some(&reason),
        )
        .await;
    assert_eq!(cancelled.status(), 200);
    let cancelled: Value = cancelled.json().await.unwrap();
    let listed = inbox(&app, &giulia, cancelled["position"].as_i64().unwrap()).await;
    assert_eq!(
        listed["notifications"][0]["text"],
        "Your order was cancelled: Ordered twice"
    );
    assert_eq!(listed["unread"], 2);
}

#[tokio::test]
async fn no_one_else_reads_or_changes_a_customers_notifications() {
    let app = spawn_app().await;
    let giulia = registered(&app, "giulia").await;
    let marco = registered(&app, "marco").await;
    let (_, position) = place_as(&app, &giulia).await;
    // A guest's order belongs to no inbox.
    let guest = app.place(&valid_order()).await;
    let guest_position = guest["position"].as_i64().unwrap();

    let hers = inbox(&app, &giulia, guest_position).await;
    assert_eq!(statuses(&hers), [("pending".into(), false)]);
    let id = hers["notifications"][0]["id"].clone();
    assert_eq!(id, position);
    let his = inbox(&app, &marco, guest_position).await;
    assert_eq!(his, json!({"notifications": [], "unread": 0}));

    for action in ["read", "dismiss"] {
        assert_problem(act(&app, &marco, &id, action).await, 404).await;
        let path = format!("/api/profile/me/notifications/{id}/{action}");
        assert_problem(app.call(Method::POST, &path, None, None).await, 401).await;
        let chef = app.session_of("manager").await;
        assert_problem(act(&app, &chef, &id, action).await, 403).await;
        let malformed = act(&app, &giulia, &json!("first"), action).await;
        let problem = assert_problem(malformed, 400).await;
        assert_eq!(error_fields(&problem), ["id"]);
        let zero = act(&app, &giulia, &json!(0), action).await;
        let problem = assert_problem(zero, 422).await;
        assert_eq!(error_fields(&problem), ["id"]);
    }
    let hers = inbox(&app, &giulia, guest_position).await;
    assert_eq!(hers["unread"], 1, "untouched by the others");
    assert_problem(app.get("/api/profile/me/notifications").await, 401).await;
}

#[tokio::test]
async fn the_server_functions_answer_the_callers_own_inbox_and_header() {
    let app = spawn_app().await;
    let giulia = registered(&app, "giulia").await;
    let (_, position) = place_as(&app, &giulia).await;
    let args = json!({"min_position": position});
    let response = app
        .call(
            Method::POST,
            "/api/fn/current_account",
            Some(&giulia),
            Some(&args),
        )
        .await;
    assert_eq!(response.status(), 200);
    let badge: Value = response.json().await.unwrap();
    assert_eq!(
        badge,
        json!({"role": "customer", "name": "Giulia Bianchi", "unread": 1})
    );
    let anonymous = app
        .call(Method::POST, "/api/fn/current_account", None, Some(&args))
        .await;
    assert_eq!(anonymous.json::<Value>().await.unwrap(), Value::Null);

    let listed = app
        .call(
            Method::POST,
            "/api/fn/list_my_notifications",
            Some(&giulia),
            Some(&args),
        )
        .await;
    let listed: Value = listed.json().await.unwrap();
    let id = listed["notifications"][0]["id"].clone();
    let marco = registered(&app, "marco").await;
    let theirs = app
        .call(
            Method::POST,
            "/api/fn/dismiss_notification",
            Some(&marco),
            Some(&json!({"id": id})),
        )
        .await;
    assert_problem(theirs, 404).await;
    let read = app
        .call(
            Method::POST,
            "/api/fn/mark_notification_read",
            Some(&giulia),
            Some(&json!({"id": id})),
        )
        .await;
    assert_eq!(read.status(), 200);
    let read: Value = read.json().await.unwrap();
    let args = json!({"min_position": read["position"]});
    let response = app
        .call(
            Method::POST,
            "/api/fn/current_account",
            Some(&giulia),
            Some(&args),
        )
        .await;
    assert_eq!(response.json::<Value>().await.unwrap()["unread"], 0);
}

#[tokio::test]
async fn the_account_page_is_server_rendered_with_the_customers_own_inbox() {
    let app = spawn_app().await;
    let giulia = registered(&app, "giulia").await;
    let (_, position) = place_as(&app, &giulia).await;
    // The page reads at no position: wait until the inbox has the order.
    inbox(&app, &giulia, position).await;
    let html = page(&app, "/account", Some(&giulia))
        .await
        .text()
        .await
        .unwrap();
    for text in [
        "We received your order.",
        "Mark as read",
        "giulia@example.com",
        "Your account, Giulia Bianchi: 1 unread notification",
        // What the browser hydrates the header from.
        r#"<meta name="pizzeria-account" content="Giulia Bianchi" data-role="customer" data-unread="1">"#,
    ] {
        assert!(html.contains(text), "{text} missing from {html}");
    }
    let marco = registered(&app, "marco").await;
    let html = page(&app, "/account", Some(&marco))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("marco@example.com"));
    assert!(!html.contains("We received your order."), "{html}");
    assert!(!html.contains("giulia"), "{html}");
    let html = page(&app, "/account", None).await.text().await.unwrap();
    assert!(html.contains("Sign in to see your notifications"), "{html}");
    assert!(!html.contains("pizzeria-account"), "{html}");
    assert!(html.contains(r#"href="/account/login""#), "{html}");
}
