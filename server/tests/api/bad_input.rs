//! Bad input never yields a 5xx: every case answers 4xx problem+json naming the field.

use crate::helpers::{assert_problem, error_fields, spawn_app, valid_order};
use serde_json::{Value, json};

/// `valid_order()` with one change applied at a JSON pointer (`None` removes the key).
fn order_with(pointer: &str, value: Option<Value>) -> Value {
    let mut order = valid_order();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let target = order.pointer_mut(parent).unwrap();
    match (value, target) {
        (Some(value), Value::Array(items)) => items[key.parse::<usize>().unwrap()] = value,
        (Some(value), target) => target[key] = value,
        (None, Value::Object(map)) => {
            map.remove(key);
        }
        (None, _) => panic!("can only remove object keys"),
    }
    order
}

#[tokio::test]
async fn each_invalid_field_is_refused_with_422_naming_it() {
    let app = spawn_app().await;
    let long = "x".repeat(201);
    let cases = [
        ("/customer_name", Some(json!("   ")), "customer_name"),
        ("/customer_name", Some(json!(long)), "customer_name"),
        ("/customer_address", Some(json!(long)), "customer_address"),
        ("/customer_address", Some(json!("")), "customer_address"),
        ("/customer_name", Some(json!("Mario\u{0}")), "customer_name"),
        (
            "/customer_name",
            Some(json!("Mario\nRossi")),
            "customer_name",
        ),
        (
            "/customer_address",
            Some(json!("Via Roma 1\u{202E}0 ,amoR aiV")),
            "customer_address",
        ),
        ("/customer_phone", Some(json!("123456")), "customer_phone"),
        (
            "/customer_phone",
            Some(json!("555-CALL-NOW")),
            "customer_phone",
        ),
        (
            "/customer_phone",
            Some(json!("1".repeat(21))),
            "customer_phone",
        ),
        ("/customer_phone", None, "customer_phone"),
        ("/customer_name", Some(json!(42)), "customer_name"),
        ("/payment_method", Some(json!("bitcoin")), "payment_method"),
        ("/pizza_items", Some(json!([])), "pizza_items"),
        ("/pizza_items", Some(json!("margherita")), "pizza_items"),
        (
            "/pizza_items/0/quantity",
            Some(json!(0)),
            "pizza_items[0].quantity",
        ),
        (
            "/pizza_items/0/quantity",
            Some(json!(21)),
            "pizza_items[0].quantity",
        ),
        (
            "/pizza_items/0/quantity",
            Some(json!(-1)),
            "pizza_items[0].quantity",
        ),
        (
            "/pizza_items/0/quantity",
            Some(json!("two")),
            "pizza_items[0].quantity",
        ),
        (
            "/pizza_items/0/pizza_id",
            Some(json!("calzone")),
            "pizza_items[0].pizza_id",
        ),
        (
            "/pizza_items/1/size",
            Some(json!("huge")),
            "pizza_items[1].size",
        ),
        ("/pizza_items/1/size", None, "pizza_items[1].size"),
        (
            "/pizza_items/0/toppings",
            Some(json!(["pineapple"])),
            "pizza_items[0].toppings",
        ),
        (
            "/pizza_items/0/toppings",
            Some(json!(["mushrooms", "mushrooms"])),
            "pizza_items[0].toppings",
        ),
        (
            "/pizza_items/1/special_instructions",
            Some(json!(long)),
            "pizza_items[1].special_instructions",
        ),
    ];
    for (pointer, value, field) in cases {
        let body = order_with(pointer, value.clone());
        let response = app.post_json("/api/orders", &body).await;
        let problem = assert_problem(response, 422).await;
        assert_eq!(
            error_fields(&problem),
            [field],
            "{pointer} = {value:?}: {problem}"
        );
    }
}

#[tokio::test]
async fn a_thousand_pizza_order_is_refused() {
    let app = spawn_app().await;
    let mut order = valid_order();
    let line = order["pizza_items"][0].clone();
    let lines: Vec<Value> = (0..50)
        .map(|_| {
            let mut line = line.clone();
            line["quantity"] = json!(20);
            line
        })
        .collect();
    order["pizza_items"] = json!(lines);
    let problem = assert_problem(app.post_json("/api/orders", &order).await, 422).await;
    assert_eq!(error_fields(&problem), ["pizza_items"], "{problem}");
}

#[tokio::test]
async fn two_invalid_fields_are_both_named() {
    let app = spawn_app().await;
    let mut order = valid_order();
    order["customer_name"] = json!("");
    order["customer_phone"] = json!("12");
    let problem = assert_problem(app.post_json("/api/orders", &order).await, 422).await;
    assert_eq!(error_fields(&problem), ["customer_name", "customer_phone"]);
}

#[tokio::test]
async fn malformed_json_and_wrong_content_types_are_bad_requests() {
    let app = spawn_app().await;
    let valid = valid_order().to_string();
    let trailing = format!("{valid} trailing");
    for body in [
        "{",
        "not json",
        "",
        "{\"customer_name\": ",
        trailing.as_str(),
    ] {
        assert_problem(
            app.post_raw("/api/orders", "application/json", body.to_owned())
                .await,
            400,
        )
        .await;
    }
    assert_problem(app.post_raw("/api/orders", "text/plain", valid).await, 400).await;
    let array = app.post_raw("/api/orders", "application/json", "[]").await;
    assert_problem(array, 422).await;
}

#[tokio::test]
async fn bodies_over_64_kib_are_refused_with_413() {
    let app = spawn_app().await;
    let mut order = valid_order();
    order["padding"] = json!("x".repeat(70 * 1024));
    let response = app
        .post_raw("/api/orders", "application/json", order.to_string())
        .await;
    assert_problem(response, 413).await;
}

#[tokio::test]
async fn refused_orders_leave_nothing_behind() {
    let app = spawn_app().await;
    let mut order = valid_order();
    order["pizza_items"][1]["pizza_id"] = json!("calzone");
    assert_problem(app.post_json("/api/orders", &order).await, 422).await;
    // A valid order afterwards works, and the menu is unchanged.
    app.place(&valid_order()).await;
    let menu: Vec<Value> = app.get("/api/menu").await.json().await.unwrap();
    assert!(menu.iter().all(|p| p["id"] != "calzone"));
}
