//! Placing and reading orders through `POST /api/orders`, `GET /api/orders/{id}` and
//! `GET /api/orders/{id}/status`. Reads pass the `position` the 201 answered as
//! `min_position`: they are served from read models that the projector updates just after.

use crate::helpers::{
    assert_problem, error_fields, spawn_app, spawn_app_with, staff_config, valid_order,
};
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use server::{OrderLimits, StaffConfig};

#[tokio::test]
async fn placing_an_order_answers_201_with_location_and_the_server_total() {
    let app = spawn_app().await;
    let response = app.post_json("/api/orders", &valid_order()).await;
    assert_eq!(response.status(), 201);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let body: Value = response.json().await.unwrap();
    let id = body["order_id"].as_str().unwrap();
    let position = &body["position"];
    assert_eq!(
        location,
        format!("/api/orders/{id}?min_position={position}")
    );
    // 2 × round(12.99 × 1.3 + 1.50) + 10.99
    assert_eq!(body["total_amount"], "47.77");
    let ready: DateTime<Utc> = body["estimated_ready_time"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(ready > Utc::now());
}

#[tokio::test]
async fn a_placed_order_reads_back_pending_with_line_prices() {
    let app = spawn_app().await;
    let placed = app.place(&valid_order()).await;
    let id = placed["order_id"].as_str().unwrap();
    let position = &placed["position"];
    let response = app
        .get(&format!("/api/orders/{id}?min_position={position}"))
        .await;
    assert_eq!(response.status(), 200);
    let order: Value = response.json().await.unwrap();
    assert_eq!(order["order_id"], id);
    assert_eq!(order["status"], "pending");
    assert_eq!(order["customer_name"], "Mario Rossi");
    assert_eq!(order["total_amount"], "47.77");
    assert_about_the_same_time(
        &order["estimated_ready_time"],
        &placed["estimated_ready_time"],
    );
    assert!(order["created_at"].as_str().is_some());
    let items = order["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["pizza_id"], "pepperoni");
    assert_eq!(items[0]["toppings"], json!(["mushrooms"]));
    assert_eq!(items[0]["quantity"], 2);
    assert_eq!(items[0]["line_price"], "36.78");
    assert_eq!(items[1]["quantity"], 1, "quantity defaults to 1");
    assert_eq!(items[1]["line_price"], "10.99");
}

#[tokio::test]
async fn the_status_endpoint_answers_with_the_short_form() {
    let app = spawn_app().await;
    let placed = app.place(&valid_order()).await;
    let id = placed["order_id"].as_str().unwrap();
    let position = &placed["position"];
    let status: Value = app
        .get(&format!("/api/orders/{id}/status?min_position={position}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(status["order_id"], id);
    assert_eq!(status["status"], "pending");
    assert_eq!(status["customer_name"], "Mario Rossi");
    assert_about_the_same_time(
        &status["estimated_ready_time"],
        &placed["estimated_ready_time"],
    );
    assert!(status.get("items").is_none());
}

#[tokio::test]
async fn an_unknown_order_is_404_and_a_malformed_id_is_400() {
    let app = spawn_app().await;
    let unknown = "0f8fad5b-d9cb-469f-a165-70867728950e";
    for path in [
        format!("/api/orders/{unknown}"),
        format!("/api/orders/{unknown}/status"),
    ] {
        let problem = assert_problem(app.get(&path).await, 404).await;
        assert!(problem["detail"].as_str().unwrap().contains(unknown));
    }
    for path in ["/api/orders/not-a-uuid", "/api/orders/42/status"] {
        let problem = assert_problem(app.get(path).await, 400).await;
        assert_eq!(error_fields(&problem), ["order_id"]);
    }
}

#[tokio::test]
async fn prices_sent_by_the_client_are_refused_and_the_server_prices_the_order() {
    let mut app = spawn_app().await;
    let mut order = valid_order();
    order["total_amount"] = json!("0.01");
    let refused = app.post_json("/api/orders", &order).await;
    let problem = crate::helpers::assert_problem(refused, 422).await;
    assert_eq!(crate::helpers::error_fields(&problem), ["total_amount"]);
    let mut order = valid_order();
    order["pizza_items"][0]["line_price"] = json!("0.01");
    let refused = app.post_json("/api/orders", &order).await;
    let problem = crate::helpers::assert_problem(refused, 422).await;
    let field = "pizza_items[0].line_price";
    assert_eq!(crate::helpers::error_fields(&problem), [field]);
    app.sign_in("manager").await;
    let listed: Value = app.get("/api/orders").await.json().await.unwrap();
    assert_eq!(listed["total"], 0, "nothing was stored: {listed}");

    let placed = app.place(&valid_order()).await;
    assert_eq!(placed["total_amount"], "47.77");
}

#[tokio::test]
async fn hostile_and_emoji_text_is_stored_and_shown_verbatim() {
    let app = spawn_app().await;
    let mut order = valid_order();
    let name = "'; DROP TABLE orders; -- 🍕 Zoë";
    order["customer_name"] = json!(name);
    order["pizza_items"][1]["special_instructions"] =
        json!("<script>alert(1)</script> extra crispy 🔥");
    let placed = app.place(&order).await;
    let id = placed["order_id"].as_str().unwrap();
    let position = &placed["position"];
    let stored: Value = app
        .get(&format!("/api/orders/{id}?min_position={position}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(stored["customer_name"], name);
    assert_eq!(
        stored["items"][1]["special_instructions"],
        "<script>alert(1)</script> extra crispy 🔥"
    );
    // The table is still there: another order goes through.
    app.place(&valid_order()).await;
}

#[tokio::test]
async fn unknown_api_routes_are_problem_404s() {
    let app = spawn_app().await;
    assert_problem(app.get("/api/pizzas").await, 404).await;
}

#[tokio::test]
async fn the_server_function_places_an_order_through_the_same_mediator() {
    let app = spawn_app().await;
    let response = app
        .post_json("/api/fn/place_order", &json!({ "command": valid_order() }))
        .await;
    assert_eq!(response.status(), 200);
    let placed: Value = response.json().await.unwrap();
    assert_eq!(placed["total_amount"], "47.77");
    let id = placed["order_id"].as_str().unwrap();
    let position = &placed["position"];
    let rest: Value = app
        .get(&format!("/api/orders/{id}?min_position={position}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(rest["status"], "pending");
}

#[tokio::test]
async fn the_server_function_reports_field_errors_with_the_problem_status() {
    let app = spawn_app().await;
    let mut order = valid_order();
    order["customer_phone"] = json!("12");
    let response = app
        .post_json("/api/fn/place_order", &json!({ "command": order }))
        .await;
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    let errors = &body["errors"];
    assert_eq!(errors[0]["field"], "customer_phone", "{body}");
}

#[tokio::test]
async fn an_order_over_the_configured_pizza_or_money_limit_is_refused_with_422() {
    let staff = StaffConfig {
        order_limits: OrderLimits {
            max_pizzas: 6,
            max_total: Decimal::new(10000, 2),
        },
        ..staff_config()
    };
    let app = spawn_app_with(staff).await;
    let line =
        |quantity: u32| json!({"pizza_id": "margherita", "size": "small", "quantity": quantity});
    let mut order = valid_order();
    order["pizza_items"] = json!([line(3), line(3)]);
    assert_eq!(app.post_json("/api/orders", &order).await.status(), 201);

    order["pizza_items"] = json!([line(4), line(3)]);
    let problem = assert_problem(app.post_json("/api/orders", &order).await, 422).await;
    assert_eq!(error_fields(&problem), ["pizza_items"]);
    assert!(
        problem["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("at most 6 pizzas")
    );

    // Six large pepperoni with mushrooms come to more than $100.00.
    let dear = json!({"pizza_id": "pepperoni", "size": "large", "quantity": 6,
        "toppings": ["mushrooms"]});
    order["pizza_items"] = json!([dear]);
    let problem = assert_problem(app.post_json("/api/orders", &order).await, 422).await;
    let message = problem["errors"][0]["message"].as_str().unwrap().to_owned();
    assert!(message.contains("$100.00"), "{problem}");

    let through_the_page = app
        .post_json("/api/fn/place_order", &json!({ "command": order }))
        .await;
    let problem = assert_problem(through_the_page, 422).await;
    assert_eq!(problem["errors"][0]["message"], message.as_str());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_orders_all_succeed() {
    let app = spawn_app().await;
    let tasks: Vec<_> = (0..16)
        .map(|_| {
            let (client, url) = (app.client.clone(), format!("{}/api/orders", app.address));
            tokio::spawn(async move { client.post(url).json(&valid_order()).send().await })
        })
        .collect();
    let mut ids = std::collections::HashSet::new();
    for task in tasks {
        let response = task.await.unwrap().unwrap();
        assert_eq!(response.status(), 201);
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(app.get(&location).await.status(), 200, "{location}");
        let body: Value = response.json().await.unwrap();
        ids.insert(body["order_id"].as_str().unwrap().to_owned());
    }
    assert_eq!(ids.len(), 16, "sixteen different orders");
}

/// A pending order's estimate is the kitchen's as the queue stands when read: with the
/// kitchen idle, the placement's estimate moved by the moments since.
fn assert_about_the_same_time(read: &Value, placed: &Value) {
    let time = |value: &Value| {
        value
            .as_str()
            .unwrap()
            .parse::<chrono::DateTime<chrono::Utc>>()
            .unwrap()
    };
    let apart = (time(read) - time(placed)).num_milliseconds().abs();
    assert!(apart < 5_000, "{read} vs {placed}");
}
