//! `GET /metrics`: the mediator's counters and the projection lag, in Prometheus text
//! format, for a manager or the holder of the metrics token only.

use crate::helpers::{assert_problem, spawn_app, valid_order};
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn metrics_are_for_a_manager_or_the_token_holder_only() {
    let app = spawn_app().await;
    assert_problem(app.get("/metrics").await, 401).await;
    let wrong = app
        .client
        .get(format!("{}/metrics", app.address))
        .bearer_auth("metrics-test-tokeN")
        .send()
        .await
        .unwrap();
    assert_problem(wrong, 401).await;
    let chef = app.session_of("chef").await;
    let as_chef = app.call(Method::GET, "/metrics", Some(&chef), None).await;
    assert_problem(as_chef, 403).await;
    let manager = app.session_of("manager").await;
    let as_manager = app
        .call(Method::GET, "/metrics", Some(&manager), None)
        .await;
    assert_eq!(as_manager.status(), 200);
    assert_eq!(app.metrics().await.status(), 200);
}

#[tokio::test]
async fn metrics_count_placed_orders_by_outcome() {
    let app = spawn_app().await;
    app.place(&valid_order()).await;
    let mut invalid = valid_order();
    invalid["customer_phone"] = json!("12");
    assert_eq!(app.post_json("/api/orders", &invalid).await.status(), 422);

    let response = app.metrics().await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    let text = response.text().await.unwrap();
    let line = |prefix: &str| {
        text.lines()
            .find(|line| line.starts_with(prefix))
            .map(str::to_owned)
    };
    let total = line("mediator_requests_total{request=\"PlaceOrder\"").expect(&text);
    assert!(total.ends_with(" 2"), "{total}");
    for status in ["201", "422"] {
        let outcome = text
            .lines()
            .find(|l| {
                l.starts_with("mediator_request_outcomes_total{request=\"PlaceOrder\"")
                    && l.contains(&format!("status=\"{status}\""))
            })
            .unwrap_or_else(|| panic!("no {status} outcome in\n{text}"));
        assert!(outcome.ends_with(" 1"), "{outcome}");
    }
    assert!(text.contains("mediator_request_duration_seconds_bucket{request=\"PlaceOrder\""));
}

/// The count of `projection_lag_seconds` in `/metrics`.
async fn lag_count(app: &crate::helpers::TestApp) -> u64 {
    let text = app.metrics().await.text().await.unwrap();
    text.lines()
        .find_map(|line| line.strip_prefix("projection_lag_seconds_count "))
        .unwrap_or_else(|| panic!("no projection lag in\n{text}"))
        .parse()
        .unwrap()
}

#[tokio::test]
async fn every_projected_event_counts_in_the_projection_lag_histogram() {
    let app = spawn_app().await;
    let before = lag_count(&app).await;
    for _ in 0..3 {
        let response = app.post_json("/api/orders", &valid_order()).await;
        assert_eq!(response.status(), 201);
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        // Answered once the views hold the order, so its lag is recorded.
        assert_eq!(app.get(&location).await.status(), 200);
    }
    assert_eq!(lag_count(&app).await, before + 3);
}
