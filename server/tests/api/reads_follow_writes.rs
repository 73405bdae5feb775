//! Eventual consistency stays inside the server: what a client can follow right after a
//! write (the `Location` of a 201, the order's own URL) answers at once, and a 404 means
//! the order does not exist, never that the read models are a moment behind.

use crate::helpers::{spawn_app, valid_order};
use serde_json::Value;
use uuid::Uuid;

#[tokio::test]
async fn the_location_of_a_placed_order_answers_200_at_once_every_time() {
    let app = spawn_app().await;
    for _ in 0..40 {
        let response = app.post_json("/api/orders", &valid_order()).await;
        assert_eq!(response.status(), 201);
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        let placed: Value = response.json().await.unwrap();
        let read = app.get(&location).await;
        assert_eq!(read.status(), 200, "GET {location}");
        let order: Value = read.json().await.unwrap();
        assert_eq!(order["order_id"], placed["order_id"]);
        assert_eq!(order["status"], "pending");
    }
}

#[tokio::test]
async fn a_placed_order_read_without_a_position_is_found_at_once_every_time() {
    let app = spawn_app().await;
    for _ in 0..40 {
        let placed = app.place(&valid_order()).await;
        let id = placed["order_id"].as_str().unwrap();
        let order = app.get(&format!("/api/orders/{id}")).await;
        assert_eq!(order.status(), 200, "GET /api/orders/{id}");
        let status = app.get(&format!("/api/orders/{id}/status")).await;
        assert_eq!(status.status(), 200, "GET /api/orders/{id}/status");
        let status: Value = status.json().await.unwrap();
        assert_eq!(status["status"], "pending");
    }
}

#[tokio::test]
async fn an_order_that_does_not_exist_is_a_404_on_both_reads() {
    let app = spawn_app().await;
    app.place(&valid_order()).await;
    let unknown = Uuid::new_v4();
    for path in [
        format!("/api/orders/{unknown}"),
        format!("/api/orders/{unknown}/status"),
    ] {
        let response = app.get(&path).await;
        assert_eq!(response.status(), 404, "GET {path}");
        let problem: Value = response.json().await.unwrap();
        assert_eq!(problem["status"], 404);
    }
}
