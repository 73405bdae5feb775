//! Customer accounts: `POST /api/auth/register` signs a new customer up and in, the same
//! `login`, `logout` and `me` serve customers and staff, and a customer session opens
//! nothing of the staff's.

use crate::helpers::{TestApp, assert_problem, error_fields, session_cookie, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

fn sign_up(username: &str, email: &str) -> Value {
    json!({
        "username": username,
        "password": "quattro-stagioni",
        "name": "Giulia Bianchi",
        "email": email,
        "phone": "+39 06 555 0101",
        "address": "Via Toledo 5, Napoli"
    })
}

/// A new customer account's session cookie.
pub async fn customer_session(app: &TestApp) -> String {
    registered(app, "giulia").await
}

/// Signs `username` up and returns the session cookie the 201 set.
pub async fn registered(app: &TestApp, username: &str) -> String {
    let email = format!("{username}@example.com");
    let response = app
        .post_json("/api/auth/register", &sign_up(username, &email))
        .await;
    assert_eq!(response.status(), 201);
    session_cookie(&response).expect("the new customer is signed in")
}

#[tokio::test]
async fn signing_up_answers_201_signed_in_and_me_names_the_customer() {
    let app = spawn_app().await;
    let response = app
        .post_json(
            "/api/auth/register",
            &sign_up("giulia", "giulia@example.com"),
        )
        .await;
    assert_eq!(response.status(), 201);
    let cookie = session_cookie(&response).expect("a session cookie");
    let body: Value = response.json().await.unwrap();
    assert_eq!(
        body,
        json!({"username": "giulia", "role": "customer", "name": "Giulia Bianchi"})
    );

    let me = app
        .call(Method::GET, "/api/auth/me", Some(&cookie), None)
        .await;
    assert_eq!(me.status(), 200);
    assert_eq!(me.json::<Value>().await.unwrap(), body);

    let out = app
        .call(Method::POST, "/api/auth/logout", Some(&cookie), None)
        .await;
    assert_eq!(out.status(), 204);
    let me = app
        .call(Method::GET, "/api/auth/me", Some(&cookie), None)
        .await;
    assert_problem(me, 401).await;
}

#[tokio::test]
async fn a_customer_signs_in_with_the_staff_route_and_is_told_apart() {
    let app = spawn_app().await;
    registered(&app, "giulia").await;
    let wrong = json!({"username": "giulia", "password": "quattro-formaggi"});
    assert_problem(app.post_json("/api/auth/login", &wrong).await, 401).await;
    let right = json!({"username": "giulia", "password": "quattro-stagioni"});
    let response = app.post_json("/api/auth/login", &right).await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["role"], "customer");
    assert_eq!(body["name"], "Giulia Bianchi");

    let chef = app
        .post_json(
            "/api/auth/login",
            &json!({"username": "chef", "password": "chef-pass"}),
        )
        .await;
    let chef: Value = chef.json().await.unwrap();
    assert_eq!(chef, json!({"username": "chef", "role": "chef"}));
}

#[tokio::test]
async fn a_taken_username_or_email_is_a_409_naming_the_field() {
    let app = spawn_app().await;
    registered(&app, "giulia").await;
    for (username, email, field) in [
        ("giulia", "other@example.com", "username"),
        // A member of staff's name is taken too: one sign-in serves both.
        ("manager", "boss@example.com", "username"),
        ("marco", "  GIULIA@Example.COM ", "email"),
    ] {
        let response = app
            .post_json("/api/auth/register", &sign_up(username, email))
            .await;
        let problem = assert_problem(response, 409).await;
        assert_eq!(error_fields(&problem), [field], "{problem}");
    }
}

#[tokio::test]
async fn every_broken_sign_up_field_is_named_in_a_422() {
    let app = spawn_app().await;
    let response = app
        .post_json(
            "/api/auth/register",
            &json!({
                "username": "G",
                "password": "g",
                "name": "",
                "email": "not-an-email",
                "phone": "12"
            }),
        )
        .await;
    let problem = assert_problem(response, 422).await;
    assert_eq!(
        error_fields(&problem),
        ["username", "password", "name", "email", "phone"]
    );
    let missing = app
        .post_json("/api/auth/register", &json!({"username": "x"}))
        .await;
    assert_problem(missing, 422).await;
}

#[tokio::test]
async fn a_customer_session_opens_nothing_of_the_staff() {
    let app = spawn_app().await;
    let cookie = registered(&app, "giulia").await;
    for path in ["/api/kitchen/queue", "/api/orders", "/api/delivery/board"] {
        let response = app.call(Method::GET, path, Some(&cookie), None).await;
        assert_problem(response, 403).await;
    }
    let order = app.place(&crate::helpers::valid_order()).await;
    let cook = format!("/api/orders/{}/cook", order["order_id"].as_str().unwrap());
    let response = app.call(Method::PUT, &cook, Some(&cookie), None).await;
    assert_problem(response, 403).await;
    let metrics = app.call(Method::GET, "/metrics", Some(&cookie), None).await;
    assert_problem(metrics, 403).await;
}
