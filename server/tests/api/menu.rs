//! `GET /api/menu`.

use crate::helpers::spawn_app;
use serde_json::Value;
use std::collections::HashSet;

#[tokio::test]
async fn the_menu_lists_at_least_eight_pizzas_in_several_categories() {
    let app = spawn_app().await;
    let response = app.get("/api/menu").await;
    assert_eq!(response.status(), 200);
    let menu: Vec<Value> = response.json().await.unwrap();
    assert!(menu.len() >= 8, "{} pizzas", menu.len());
    let categories: HashSet<_> = menu
        .iter()
        .map(|p| p["category"].as_str().unwrap())
        .collect();
    assert!(categories.len() >= 2);
    let margherita = menu
        .iter()
        .find(|p| p["id"] == "margherita")
        .expect("margherita");
    assert_eq!(margherita["base_price"], "10.99");
    assert_eq!(
        margherita["available_sizes"],
        serde_json::json!(["small", "medium", "large"])
    );
    assert!(
        margherita["available_toppings"]
            .as_array()
            .is_some_and(|t| !t.is_empty())
    );
    assert!(
        margherita["preparation_time_minutes"]
            .as_u64()
            .is_some_and(|m| m > 0)
    );
    assert!(menu.iter().any(|p| p["id"] == "pepperoni"));
}

#[tokio::test]
async fn the_menu_filters_by_category_ignoring_case() {
    let app = spawn_app().await;
    let menu: Vec<Value> = app
        .get("/api/menu?category=vegetarian")
        .await
        .json()
        .await
        .unwrap();
    assert!(!menu.is_empty());
    assert!(
        menu.iter().all(|p| p["category"] == "Vegetarian"),
        "{menu:?}"
    );
    let all: Vec<Value> = app.get("/api/menu").await.json().await.unwrap();
    assert!(menu.len() < all.len());
}

#[tokio::test]
async fn an_unknown_category_is_an_empty_menu() {
    let app = spawn_app().await;
    let response = app.get("/api/menu?category=Desserts").await;
    assert_eq!(response.status(), 200);
    let menu: Vec<Value> = response.json().await.unwrap();
    assert!(menu.is_empty());
}

#[tokio::test]
async fn the_staff_menu_lists_pizzas_taken_off_the_menu_too() {
    let mut app = crate::helpers::spawn_app().await;
    app.sign_in("manager").await;
    let off = serde_json::json!({"available": false});
    let changed = app
        .call(reqwest::Method::PUT, "/api/menu/marinara", None, Some(&off))
        .await;
    assert_eq!(changed.status(), 200);
    let position = changed.json::<serde_json::Value>().await.unwrap()["position"]
        .as_i64()
        .unwrap();

    let listed = app
        .get(&format!("/api/staff/menu?min_position={position}"))
        .await;
    assert_eq!(listed.status(), 200);
    let pizzas: serde_json::Value = listed.json().await.unwrap();
    let marinara = pizzas
        .as_array()
        .unwrap()
        .iter()
        .find(|pizza| pizza["id"] == "marinara")
        .expect("the staff menu keeps a pizza taken off the menu");
    assert_eq!(marinara["available"], false);

    let customers = app
        .get("/api/menu")
        .await
        .json::<serde_json::Value>()
        .await
        .unwrap();
    assert!(
        customers
            .as_array()
            .unwrap()
            .iter()
            .all(|pizza| pizza["id"] != "marinara"),
        "customers no longer see it"
    );
    let bad = app.get("/api/staff/menu?min_position=soon").await;
    assert_eq!(bad.status(), 422);
}
