//! "My orders": an order a signed-in customer places is theirs, and only they read it
//! back through `GET /api/profile/me/orders`. A phone number opens nothing: its history
//! is for staff, and a stranger, another customer and an anonymous caller learn nothing.

use crate::customer_accounts::registered;
use crate::helpers::{TestApp, assert_problem, spawn_app, valid_order};
use reqwest::Method;
use serde_json::Value;

/// Places `valid_order()` with `cookie` (or as a guest) and returns the 201 body.
async fn place_as(app: &TestApp, cookie: Option<&str>) -> Value {
    let response = app
        .call(Method::POST, "/api/orders", cookie, Some(&valid_order()))
        .await;
    assert_eq!(response.status(), 201);
    response.json().await.unwrap()
}

async fn my_orders(app: &TestApp, cookie: &str, position: &Value) -> Value {
    let path = format!("/api/profile/me/orders?min_position={position}");
    let response = app.call(Method::GET, &path, Some(cookie), None).await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

#[tokio::test]
async fn a_signed_in_customer_finds_their_own_orders_and_only_those() {
    let app = spawn_app().await;
    let giulia = registered(&app, "giulia").await;
    let marco = registered(&app, "marco").await;
    let first = place_as(&app, Some(&giulia)).await;
    let second = place_as(&app, Some(&giulia)).await;
    // The same phone, as a guest: not claimed by the account.
    let guest = place_as(&app, None).await;

    let history = my_orders(&app, &giulia, &guest["position"]).await;
    assert_eq!(history["order_count"], 2, "{history}");
    assert_eq!(history["total_spent"], "95.54", "{history}");
    let ids: Vec<&str> = history["orders"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|order| order["order_id"].as_str().unwrap())
        .collect();
    let newest_first = [&second, &first].map(|o| o["order_id"].as_str().unwrap());
    assert_eq!(ids, newest_first);
    assert_eq!(history["top_pizzas"][0]["pizza_id"], "pepperoni");

    let others = my_orders(&app, &marco, &guest["position"]).await;
    assert_eq!(others["order_count"], 0, "{others}");
    assert_eq!(others["orders"]["items"], serde_json::json!([]));
}

#[tokio::test]
async fn a_phone_number_reveals_nothing_to_anyone_but_staff() {
    let app = spawn_app().await;
    let placed = place_as(&app, None).await;
    let stranger = registered(&app, "stranger").await;
    let path = format!(
        "/api/customers/%2B39%2006%20555-1234/history?min_position={}",
        placed["position"]
    );
    assert_problem(app.get(&path).await, 401).await;
    let as_customer = app.call(Method::GET, &path, Some(&stranger), None).await;
    assert_problem(as_customer, 403).await;
    let body = serde_json::json!({"query": {"phone": "+39 06 555-1234"}});
    let through_the_page = app.post_json("/api/fn/get_customer_history", &body).await;
    assert_problem(through_the_page, 401).await;
    // The page of a phone's history shows no order to an anonymous visitor.
    let page = app.get("/orders?phone=%2B39%2006%20555-1234").await;
    let html = page.text().await.unwrap();
    let short = &placed["order_id"].as_str().unwrap()[..8].to_uppercase();
    assert!(!html.contains(short.as_str()), "the page names the order");

    let manager = app.session_of("manager").await;
    let as_staff = app.call(Method::GET, &path, Some(&manager), None).await;
    assert_eq!(as_staff.status(), 200);
    let history: Value = as_staff.json().await.unwrap();
    assert_eq!(history["order_count"], 1, "{history}");
}
