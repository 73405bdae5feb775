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

#[tokio::test]
async fn the_menu_can_leave_out_seasonal_pizzas_and_list_unavailable_ones() {
    let mut app = crate::helpers::spawn_app().await;
    let ids = |menu: &Value| -> Vec<String> {
        let pizzas = menu.as_array().unwrap().iter();
        pizzas
            .map(|p| p["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let menu: Value = app.get("/api/menu").await.json().await.unwrap();
    let zucca = menu.as_array().unwrap().iter().find(|p| p["id"] == "zucca");
    assert_eq!(zucca.expect("seasonal by default")["is_seasonal"], true);

    let year_round: Value = app
        .get("/api/menu?include_seasonal=false")
        .await
        .json()
        .await
        .unwrap();
    assert!(!ids(&year_round).contains(&"zucca".to_owned()));
    assert_eq!(ids(&year_round).len(), ids(&menu).len() - 1);

    app.sign_in("manager").await;
    let off = serde_json::json!({"available": false});
    let path = "/api/menu/marinara";
    let changed = app.call(reqwest::Method::PUT, path, None, Some(&off)).await;
    assert_eq!(changed.status(), 200);
    let all: Value = app
        .get("/api/menu?include_unavailable=true")
        .await
        .json()
        .await
        .unwrap();
    let marinara = all
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "marinara");
    assert_eq!(marinara.expect("listed when asked")["available"], false);
    assert!(!ids(&app.get("/api/menu").await.json().await.unwrap()).contains(&"marinara".into()));

    let bad = app.get("/api/menu?include_seasonal=maybe").await;
    assert_eq!(bad.status(), 400);
}

#[tokio::test]
async fn a_manager_can_rename_a_pizza_and_unknown_fields_are_refused() {
    let mut app = crate::helpers::spawn_app().await;
    app.sign_in("manager").await;
    let path = "/api/menu/funghi";
    let rename = serde_json::json!({"name": "Funghi Porcini"});
    let renamed = app
        .call(reqwest::Method::PUT, path, None, Some(&rename))
        .await;
    assert_eq!(renamed.status(), 200);
    let menu: Value = app.get("/api/menu").await.json().await.unwrap();
    let funghi = menu
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "funghi");
    assert_eq!(funghi.unwrap()["name"], "Funghi Porcini");

    let typo = serde_json::json!({"nmae": "Funghi"});
    let refused = app
        .call(reqwest::Method::PUT, path, None, Some(&typo))
        .await;
    let problem = crate::helpers::assert_problem(refused, 422).await;
    assert_eq!(crate::helpers::error_fields(&problem), ["nmae"]);
    let blank = serde_json::json!({"name": " "});
    let refused = app
        .call(reqwest::Method::PUT, path, None, Some(&blank))
        .await;
    let problem = crate::helpers::assert_problem(refused, 422).await;
    assert_eq!(crate::helpers::error_fields(&problem), ["name"]);
}
