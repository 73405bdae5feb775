//! Stock over HTTP: managers read and count it, a count of zero sells pizzas out on the
//! menu at once, an order for a sold-out pizza answers 409 naming pizza and ingredient.

use crate::helpers::{assert_problem, cash_order, error_fields, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

#[tokio::test]
async fn only_managers_read_and_count_the_stock() {
    let app = spawn_app().await;
    let manager = app.session_of("manager").await;
    let chef = app.session_of("chef").await;
    let anonymous = app.call(Method::GET, "/api/inventory", None, None).await;
    assert_problem(anonymous, 401).await;
    let by_chef = app
        .call(Method::GET, "/api/inventory", Some(&chef), None)
        .await;
    assert_problem(by_chef, 403).await;
    let levels: Value = app
        .call(Method::GET, "/api/inventory", Some(&manager), None)
        .await
        .json()
        .await
        .unwrap();
    let dough = levels
        .as_array()
        .unwrap()
        .iter()
        .find(|level| level["ingredient"] == "dough")
        .expect("dough is stocked");
    assert_eq!(dough["unit"], "g");
    assert_eq!(dough["available"], dough["on_hand"]);
    let recipes = app
        .call(Method::GET, "/api/recipes", Some(&manager), None)
        .await;
    assert_eq!(recipes.status(), 200);
    let recipes: Value = recipes.json().await.unwrap();
    assert_eq!(recipes[0]["size"], "small");
}

#[tokio::test]
async fn a_count_of_zero_sells_out_on_the_menu_and_refuses_orders_naming_both() {
    let app = spawn_app().await;
    let manager = app.session_of("manager").await;
    let body = json!({"on_hand": 0, "low_stock_at": 100});
    let counted = app
        .call(
            Method::PUT,
            "/api/inventory/basil",
            Some(&manager),
            Some(&body),
        )
        .await;
    assert_eq!(counted.status(), 200);
    let counted: Value = counted.json().await.unwrap();
    assert_eq!(
        (&counted["available"], &counted["low_stock_at"]),
        (&json!(0), &json!(100))
    );

    let menu: Value = app.get("/api/menu").await.json().await.unwrap();
    let ids: Vec<&str> = menu
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert!(!ids.contains(&"margherita"), "{ids:?}");
    let everything: Value = app
        .get("/api/menu?include_unavailable=true")
        .await
        .json()
        .await
        .unwrap();
    let margherita = everything
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "margherita")
        .unwrap();
    assert_eq!(
        (&margherita["available"], &margherita["sold_out"]),
        (&json!(false), &json!(true))
    );

    let mut order = cash_order();
    order["pizza_items"] = json!([{"pizza_id": "margherita", "size": "small"}]);
    let refused = app.post_json("/api/orders", &order).await;
    let problem = assert_problem(refused, 409).await;
    let detail = problem["detail"].as_str().unwrap();
    assert!(
        detail.contains("basil") && detail.contains("Margherita"),
        "{detail}"
    );
}

#[tokio::test]
async fn a_bad_count_is_refused() {
    let app = spawn_app().await;
    let manager = app.session_of("manager").await;
    let put = |path: &'static str, body: Value| {
        let manager = manager.clone();
        let app = &app;
        async move {
            app.call(Method::PUT, path, Some(&manager), Some(&body))
                .await
        }
    };
    let unknown = put("/api/inventory/unobtainium", json!({"on_hand": 1})).await;
    assert_problem(unknown, 404).await;
    let negative = put("/api/inventory/basil", json!({"on_hand": -5})).await;
    assert_eq!(
        error_fields(&assert_problem(negative, 422).await),
        ["on_hand"]
    );
    let extra = put("/api/inventory/basil", json!({"on_hand": 5, "reserved": 0})).await;
    assert_eq!(
        error_fields(&assert_problem(extra, 422).await),
        ["reserved"]
    );
}
