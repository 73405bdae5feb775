//! `GET /api/openapi.json` and `GET /api/docs`: the API's own description, served by the
//! binary. That it lists every route axum serves is a unit test of `http/api_doc.rs`;
//! that the server answers as it says is what `scripts/api-fuzz` checks with schemathesis.

use crate::helpers::{spawn_app, valid_order};
use serde_json::Value;
use std::collections::BTreeSet;

#[tokio::test]
async fn the_api_is_described_as_an_openapi_3_1_document() {
    let app = spawn_app().await;
    let response = app.get("/api/openapi.json").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    let document: Value = response.json().await.unwrap();
    assert_eq!(document["openapi"], "3.1.0");
    assert_eq!(document["info"]["title"], "Mario's Pizzeria API");
    let place = &document["paths"]["/api/orders"]["post"];
    assert_eq!(
        place["requestBody"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/PlaceOrder"
    );
    let cook = &document["paths"]["/api/orders/{id}/cook"]["put"];
    assert_eq!(cook["security"][0]["session"], Value::Array(vec![]));
    let scheme = &document["components"]["securitySchemes"]["session"];
    assert_eq!(scheme["in"], "cookie");
    assert_eq!(scheme["name"], "pizzeria_session");
}

#[tokio::test]
async fn a_placed_order_answers_the_fields_the_document_promises() {
    let app = spawn_app().await;
    let document: Value = app.get("/api/openapi.json").await.json().await.unwrap();
    let schema = &document["components"]["schemas"]["PlacedOrder"];
    let required: BTreeSet<&str> = schema["required"]
        .as_array()
        .expect("PlacedOrder lists its required fields")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let placed = app.place(&valid_order()).await;
    let answered: BTreeSet<&str> = placed
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert!(required.contains("order_id"), "{required:?}");
    assert_eq!(answered, required);
}

#[tokio::test]
async fn the_reference_page_shows_every_operation_without_loading_anything() {
    let app = spawn_app().await;
    let document: Value = app.get("/api/openapi.json").await.json().await.unwrap();
    let response = app.get("/api/docs").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/html; charset=utf-8"
    );
    let policy = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(policy.starts_with("default-src 'none'"), "{policy}");
    let page = response.text().await.unwrap();
    assert!(!page.contains("<script"), "the page runs no script");
    for (path, item) in document["paths"].as_object().unwrap() {
        for operation in item.as_object().unwrap().values() {
            let id = operation["operationId"].as_str().unwrap();
            assert!(page.contains(&format!("id=\"{id}\"")), "{id} is missing");
        }
        assert!(page.contains(&format!("<code>{path}</code>")), "{path}");
    }
}
