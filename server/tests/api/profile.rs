//! `GET`/`PUT /api/profile/me`: a signed-in account's details and figures; a customer
//! changes their own, and no one else's.

use crate::customer_accounts::registered;
use crate::helpers::{assert_problem, error_fields, spawn_app, valid_order};
use reqwest::Method;
use serde_json::{Value, json};

#[tokio::test]
async fn a_customer_reads_their_profile_with_their_order_figures() {
    let app = spawn_app().await;
    let giulia = registered(&app, "giulia").await;
    let order = valid_order();
    let placed = app
        .call(Method::POST, "/api/orders", Some(&giulia), Some(&order))
        .await;
    assert_eq!(placed.status(), 201);
    let placed: Value = placed.json().await.unwrap();
    // The figures come from the read models: wait for the order to reach them.
    let path = format!("/api/profile/me/orders?min_position={}", placed["position"]);
    let mine = app.call(Method::GET, &path, Some(&giulia), None).await;
    assert_eq!(mine.status(), 200);

    let response = app
        .call(Method::GET, "/api/profile/me", Some(&giulia), None)
        .await;
    assert_eq!(response.status(), 200);
    let profile: Value = response.json().await.unwrap();
    assert_eq!(
        profile,
        json!({
            "username": "giulia",
            "role": "customer",
            "name": "Giulia Bianchi",
            "email": "giulia@example.com",
            "phone": "+39 06 555 0101",
            "address": "Via Toledo 5, Napoli",
            "total_orders": 1,
            "total_spent": "47.77",
            "favourite_pizza": "Pepperoni"
        })
    );
    assert_problem(app.get("/api/profile/me").await, 401).await;
    let chef = app.session_of("chef").await;
    let staff = app
        .call(Method::GET, "/api/profile/me", Some(&chef), None)
        .await;
    let staff: Value = staff.json().await.unwrap();
    assert_eq!(staff["role"], "chef");
    assert_eq!(staff["email"], Value::Null);
}

#[tokio::test]
async fn an_update_changes_only_the_fields_given_and_keeps_emails_unique() {
    let app = spawn_app().await;
    let giulia = registered(&app, "giulia").await;
    registered(&app, "marco").await;
    let update = json!({"phone": "+39 333 123 4567", "address": ""});
    let response = app
        .call(Method::PUT, "/api/profile/me", Some(&giulia), Some(&update))
        .await;
    assert_eq!(response.status(), 200);
    let profile: Value = response.json().await.unwrap();
    assert_eq!(profile["phone"], "+39 333 123 4567");
    assert_eq!(profile["address"], Value::Null);
    assert_eq!(profile["name"], "Giulia Bianchi", "kept");
    assert_eq!(profile["email"], "giulia@example.com", "kept");

    let taken = json!({"email": "MARCO@example.com"});
    let response = app
        .call(Method::PUT, "/api/profile/me", Some(&giulia), Some(&taken))
        .await;
    let problem = assert_problem(response, 409).await;
    assert_eq!(error_fields(&problem), ["email"]);

    let invalid = json!({"name": "", "phone": "x"});
    let response = app
        .call(
            Method::PUT,
            "/api/profile/me",
            Some(&giulia),
            Some(&invalid),
        )
        .await;
    let problem = assert_problem(response, 422).await;
    assert_eq!(error_fields(&problem), ["name", "phone"]);

    let anonymous = app
        .call(Method::PUT, "/api/profile/me", None, Some(&update))
        .await;
    assert_problem(anonymous, 401).await;
    let manager = app.session_of("manager").await;
    let staff = app
        .call(
            Method::PUT,
            "/api/profile/me",
            Some(&manager),
            Some(&update),
        )
        .await;
    assert_problem(staff, 403).await;
}
