//! `GET /metrics`: the mediator's counters in Prometheus text format.

use crate::helpers::{spawn_app, valid_order};
use serde_json::json;

#[tokio::test]
async fn metrics_count_placed_orders_by_outcome() {
    let app = spawn_app().await;
    app.place(&valid_order()).await;
    let mut invalid = valid_order();
    invalid["customer_phone"] = json!("12");
    assert_eq!(app.post_json("/api/orders", &invalid).await.status(), 422);

    let response = app.get("/metrics").await;
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
