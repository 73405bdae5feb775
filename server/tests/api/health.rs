//! `GET /healthz` and `GET /readyz`: what a load balancer or an orchestrator asks, without
//! a session.

use crate::helpers::spawn_app;
use serde_json::{Value, json};

#[tokio::test]
async fn a_running_server_is_healthy_and_ready_and_says_what_it_checked() {
    let app = spawn_app().await;
    let health = app.get("/healthz").await;
    assert_eq!(health.status(), 200);
    assert_eq!(
        health.json::<Value>().await.unwrap(),
        json!({ "status": "ok" })
    );

    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), 200);
    let body: Value = ready.json().await.unwrap();
    assert_eq!(body["status"], "ready");
    let checks = body["checks"].as_array().expect("the checks");
    let names: Vec<&str> = checks.iter().filter_map(|c| c["name"].as_str()).collect();
    assert_eq!(names, ["database", "projector"]);
    assert!(checks.iter().all(|check| check["ok"] == true), "{checks:?}");
}
