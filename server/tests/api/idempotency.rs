//! Retry-safe placement: `POST /api/orders` (and the `place_order` server function) with
//! an `Idempotency-Key`. The same key with the same order answers the first 201 again and
//! places nothing more, also when the requests race or the server restarted between
//! them; the same key with another order is a 422 naming the header.

use crate::helpers::{
    StoppableApp, TestApp, assert_problem, error_fields, fresh_database, spawn_app,
    spawn_stoppable_app_on, valid_order,
};
use reqwest::Response;
use serde_json::{Value, json};

const KEY: &str = "5d3c1a9e-7b2f-4c61-9a8e-0f1e2d3c4b5a";

async fn place_with_key(app: &TestApp, key: &str, order: &Value) -> Response {
    app.client
        .post(format!("{}/api/orders", app.address))
        .header("Idempotency-Key", key)
        .json(order)
        .send()
        .await
        .expect("request sent")
}

/// An order only this test's customer places.
fn order_by(phone: &str) -> Value {
    let mut order = valid_order();
    order["customer_phone"] = json!(phone);
    order
}

/// How many orders the read models hold for `phone`, once they include `position`.
async fn orders_of(app: &TestApp, phone: &str, position: &Value) -> i64 {
    let manager = app.session_of("manager").await;
    let path = format!("/api/orders?customer_phone={phone}&min_position={position}");
    let response = app
        .call(reqwest::Method::GET, &path, Some(&manager), None)
        .await;
    assert_eq!(response.status(), 200);
    let page: Value = response.json().await.unwrap();
    page["total"].as_i64().unwrap()
}

#[tokio::test]
async fn the_same_key_and_order_answer_the_first_201_and_place_one_order() {
    let app = spawn_app().await;
    let order = order_by("5550001001");
    let first = place_with_key(&app, KEY, &order).await;
    assert_eq!(first.status(), 201);
    let location = first.headers()["location"].clone();
    let first: Value = first.json().await.unwrap();
    for _ in 0..3 {
        let again = place_with_key(&app, KEY, &order).await;
        assert_eq!(again.status(), 201);
        assert_eq!(again.headers()["location"], location);
        let again: Value = again.json().await.unwrap();
        assert_eq!(again, first, "the same body, the same order id");
    }
    assert_eq!(orders_of(&app, "5550001001", &first["position"]).await, 1);
}

#[tokio::test]
async fn the_same_key_with_another_order_is_a_422_naming_the_header() {
    let app = spawn_app().await;
    let first = place_with_key(&app, KEY, &order_by("5550001002")).await;
    assert_eq!(first.status(), 201);
    let first: Value = first.json().await.unwrap();
    let mut other = order_by("5550001002");
    other["customer_address"] = json!("Via Toledo 2, Napoli");
    let problem = assert_problem(place_with_key(&app, KEY, &other).await, 422).await;
    assert_eq!(error_fields(&problem), ["Idempotency-Key"]);
    assert_eq!(orders_of(&app, "5550001002", &first["position"]).await, 1);
}

#[tokio::test]
async fn requests_racing_with_one_key_place_one_order_and_all_get_it() {
    let app = spawn_app().await;
    let order = order_by("5550001003");
    let racing = (0..12).map(|_| place_with_key(&app, KEY, &order));
    let answers = futures_util::future::join_all(racing).await;
    let mut bodies = Vec::new();
    for answer in answers {
        assert_eq!(answer.status(), 201);
        bodies.push(answer.json::<Value>().await.unwrap());
    }
    assert!(bodies.iter().all(|body| *body == bodies[0]), "{bodies:?}");
    assert_eq!(
        orders_of(&app, "5550001003", &bodies[0]["position"]).await,
        1
    );
}

#[tokio::test]
async fn a_key_is_remembered_across_a_server_restart() {
    let (database_url, _data) = fresh_database().await;
    let order = order_by("5550001004");
    let mut answers = Vec::new();
    for _ in 0..2 {
        let StoppableApp { app, stop, serving } =
            spawn_stoppable_app_on(database_url.clone(), None).await;
        let answer = place_with_key(&app, KEY, &order).await;
        assert_eq!(answer.status(), 201);
        let body: Value = answer.json().await.unwrap();
        assert_eq!(orders_of(&app, "5550001004", &body["position"]).await, 1);
        answers.push(body);
        stop.send(()).unwrap();
        serving.await.unwrap().unwrap();
    }
    assert_eq!(answers[0], answers[1]);
}

#[tokio::test]
async fn malformed_keys_are_a_422_naming_the_header_and_place_nothing() {
    let app = spawn_app().await;
    for key in ["short", "has spaces in the middle", &"k".repeat(129)] {
        let problem = assert_problem(
            place_with_key(&app, key, &order_by("5550001005")).await,
            422,
        )
        .await;
        assert_eq!(error_fields(&problem), ["Idempotency-Key"], "{key:?}");
    }
    let placed = app.place(&order_by("5550001006")).await;
    assert_eq!(orders_of(&app, "5550001005", &placed["position"]).await, 0);
}

#[tokio::test]
async fn the_place_order_server_function_is_retry_safe_too() {
    let app = spawn_app().await;
    let call = json!({ "command": order_by("5550001007"), "idempotency_key": KEY });
    let first = app.post_json("/api/fn/place_order", &call).await;
    assert_eq!(first.status(), 200);
    let first: Value = first.json().await.unwrap();
    let again: Value = app
        .post_json("/api/fn/place_order", &call)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again, first);
    assert_eq!(orders_of(&app, "5550001007", &first["position"]).await, 1);

    let mut other = call.clone();
    other["command"]["customer_name"] = json!("Luigi");
    let refused = app.post_json("/api/fn/place_order", &other).await;
    assert_eq!(refused.status(), 422);
}
