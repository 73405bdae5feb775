//! Reads served from the order read models: an order's timeline, `GET /api/orders`
//! (filters, newest first, paging), `GET /api/customers/{phone}/history`, and reading
//! one's own writes with `min_position` (a 400 for a position beyond the log).

use crate::helpers::{TestApp, assert_problem, error_fields, spawn_app, valid_order};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// An order by `phone` of `(pizza_id, quantity)` medium pizzas.
pub fn order_of(phone: &str, pizzas: &[(&str, u32)]) -> Value {
    let items: Vec<Value> = pizzas
        .iter()
        .map(|(pizza_id, quantity)| json!({"pizza_id": pizza_id, "size": "medium", "quantity": quantity}))
        .collect();
    let mut order = valid_order();
    order["customer_phone"] = json!(phone);
    order["pizza_items"] = json!(items);
    order
}

/// Places each order in turn; returns their 201 bodies and the last position.
pub async fn place_all(app: &TestApp, orders: &[Value]) -> (Vec<Value>, i64) {
    let mut placed = Vec::new();
    for order in orders {
        placed.push(app.place(order).await);
    }
    let last = placed
        .last()
        .map_or(0, |body| body["position"].as_i64().unwrap());
    (placed, last)
}

/// GETs `path` (which has a query string) at least as of `position`, expecting 200.
pub async fn read(app: &TestApp, path: &str, position: i64) -> Value {
    let response = app.get(&format!("{path}&min_position={position}")).await;
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert_eq!(status, 200, "{path}: {body}");
    body
}

fn ids(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|item| item["order_id"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn a_placed_order_reads_back_at_once_with_a_timeline_that_starts_pending() {
    let mut app = spawn_app().await;
    app.sign_in("manager").await;
    let placed = app.place(&valid_order()).await;
    let id = placed["order_id"].as_str().unwrap();
    let order = read(
        &app,
        &format!("/api/orders/{id}?"),
        placed["position"].as_i64().unwrap(),
    )
    .await;
    let timeline = order["timeline"].as_array().unwrap();
    assert_eq!(timeline.len(), 1, "{order}");
    assert_eq!(timeline[0]["status"], "pending");
    assert_eq!(timeline[0]["at"], order["created_at"]);
    assert_eq!(timeline[0]["note"], Value::Null);
    assert_eq!(order["items"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn orders_are_listed_newest_first_and_filtered_by_phone_and_status() {
    let mut app = spawn_app().await;
    app.sign_in("manager").await;
    let (placed, position) = place_all(
        &app,
        &[
            order_of("+39 06 555-1234", &[("margherita", 1)]),
            order_of("555 0000 999", &[("pepperoni", 2)]),
            order_of("+3906 5551234", &[("funghi", 3)]),
        ],
    )
    .await;
    let id = |index: usize| placed[index]["order_id"].as_str().unwrap();

    let all = read(&app, "/api/orders?", position).await;
    assert_eq!(ids(&all["items"]), [id(2), id(1), id(0)]);
    assert_eq!(
        (
            all["total"].clone(),
            all["page"].clone(),
            all["page_size"].clone()
        ),
        (json!(3), json!(1), json!(20))
    );
    let first = &all["items"][2];
    assert_eq!(first["customer_phone"], "+39 06 555-1234");
    assert_eq!(first["status"], "pending");
    assert_eq!(first["pizza_count"], 1);
    assert_eq!(first["total_amount"], "10.99");

    // The same digits, spaced differently, are the same customer.
    let mine = read(&app, "/api/orders?customer_phone=%2B39065551234", position).await;
    assert_eq!(ids(&mine["items"]), [id(2), id(0)]);
    assert_eq!(mine["total"], 2);
    let pending = read(
        &app,
        "/api/orders?status=pending&customer_phone=5550000999",
        position,
    )
    .await;
    assert_eq!(ids(&pending["items"]), [id(1)]);
    let cooking = read(&app, "/api/orders?status=cooking", position).await;
    assert_eq!(
        (cooking["items"].clone(), cooking["total"].clone()),
        (json!([]), json!(0))
    );
}

#[tokio::test]
async fn paging_past_the_end_is_empty_with_the_total_and_page_sizes_are_bounded() {
    let mut app = spawn_app().await;
    app.sign_in("manager").await;
    let orders: Vec<Value> = (0..3).map(|_| valid_order()).collect();
    let (placed, position) = place_all(&app, &orders).await;

    let second = read(&app, "/api/orders?page=2&page_size=2", position).await;
    assert_eq!(
        ids(&second["items"]),
        [placed[0]["order_id"].as_str().unwrap()]
    );
    assert_eq!(
        (second["page"].clone(), second["total"].clone()),
        (json!(2), json!(3))
    );
    let beyond = read(&app, "/api/orders?page=9&page_size=2", position).await;
    assert_eq!(
        (beyond["items"].clone(), beyond["total"].clone()),
        (json!([]), json!(3))
    );
    let largest = read(&app, "/api/orders?page_size=100", position).await;
    assert_eq!(largest["items"].as_array().unwrap().len(), 3);

    for (query, field) in [
        ("page_size=101", "page_size"),
        ("page_size=0", "page_size"),
        ("page=0", "page"),
        ("page=two", "page"),
        ("status=lost", "status"),
        ("customer_phone=call-me", "customer_phone"),
    ] {
        let problem = assert_problem(app.get(&format!("/api/orders?{query}")).await, 422).await;
        assert_eq!(error_fields(&problem), [field], "{query}");
    }
}

#[tokio::test]
async fn a_customer_history_counts_orders_spending_and_the_top_three_pizzas() {
    let mut app = spawn_app().await;
    app.sign_in("manager").await;
    let phone = "+1 555 010 0200";
    let (placed, position) = place_all(
        &app,
        &[
            order_of(phone, &[("margherita", 1), ("funghi", 2)]),
            order_of("5559999999", &[("marinara", 5)]),
            order_of("+1-555-010-0200", &[("pepperoni", 3), ("funghi", 1)]),
            order_of(phone, &[("diavola", 1), ("pepperoni", 1)]),
        ],
    )
    .await;
    let history = read(
        &app,
        "/api/customers/+1%20555%20010%200200/history?page_size=2",
        position,
    )
    .await;
    assert_eq!(history["phone"], phone, "as last typed");
    assert_eq!(history["order_count"], 3);
    // (10.99 + 2 × 11.99) + (3 × 12.99 + 11.99) + (13.99 + 12.99)
    assert_eq!(history["total_spent"], "112.91");
    let top: Vec<(&str, u64)> = history["top_pizzas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["pizza_id"].as_str().unwrap(),
                p["quantity"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(top, [("pepperoni", 4), ("funghi", 3), ("diavola", 1)]);
    let orders = &history["orders"];
    assert_eq!(
        (orders["total"].clone(), orders["page_size"].clone()),
        (json!(3), json!(2))
    );
    let id = |index: usize| placed[index]["order_id"].as_str().unwrap();
    assert_eq!(ids(&orders["items"]), [id(3), id(2)]);
}

#[tokio::test]
async fn a_phone_without_orders_has_an_empty_history_and_a_malformed_one_is_refused() {
    let mut app = spawn_app().await;
    app.sign_in("manager").await;
    let nobody: Value = app
        .get("/api/customers/5550001111/history")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (nobody["order_count"].clone(), nobody["total_spent"].clone()),
        (json!(0), json!("0.00"))
    );
    assert_eq!(
        (
            nobody["top_pizzas"].clone(),
            nobody["orders"]["total"].clone()
        ),
        (json!([]), json!(0))
    );
    assert_eq!(nobody["phone"], "5550001111");
    let problem = assert_problem(app.get("/api/customers/not-a-phone/history").await, 422).await;
    assert_eq!(error_fields(&problem), ["phone"]);
    let problem = assert_problem(app.get("/api/customers/5551234/history?page=0").await, 422).await;
    assert_eq!(error_fields(&problem), ["page"]);
}

#[tokio::test]
async fn a_read_asking_for_a_position_beyond_the_log_answers_400_at_once() {
    let mut app = spawn_app().await;
    app.sign_in("manager").await;
    let placed = app.place(&valid_order()).await;
    let id = placed["order_id"].as_str().unwrap();
    for path in [
        format!("/api/orders/{id}?min_position=1000000"),
        format!("/api/orders/{id}/status?min_position=1000000"),
        "/api/orders?min_position=1000000".to_owned(),
        "/api/kitchen/queue?min_position=1000000".to_owned(),
    ] {
        let started = Instant::now();
        let response = app.get(&path).await;
        let waited = started.elapsed();
        let problem = assert_problem(response, 400).await;
        assert!(
            problem["detail"].as_str().unwrap().contains("min_position"),
            "{problem}"
        );
        // Waiting for the views would take 2 s before giving up; nothing waits here.
        assert!(
            waited < Duration::from_millis(1000),
            "{path} answered after {waited:?}"
        );
    }
}
