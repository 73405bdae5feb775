//! `GET /healthz`: 200 while the process answers. `GET /readyz`: 200 with what it checked
//! while the server can serve, else 503 problem+json naming what is wrong, with
//! `Retry-After` ([`Readiness`](crate::health::Readiness)). Neither needs a session, and
//! neither tells order volumes.

use crate::health::Check;
use crate::http::AppState;
use crate::http::problem::ApiProblem;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::{Json, Router, routing::get};
use mediator::Problem;
use serde::Serialize;

/// Seconds a client is asked to wait before asking `/readyz` again.
const RETRY_AFTER_SECS: u32 = 5;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
}

/// What `/healthz` and a passing `/readyz` answer.
#[derive(Serialize)]
struct Status {
    status: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    checks: Vec<Check>,
}

async fn healthz() -> Json<Status> {
    Json(Status {
        status: "ok",
        checks: Vec::new(),
    })
}

async fn readyz(State(state): State<AppState>) -> Response {
    answer(state.readiness.checks().await)
}

/// 200 with the checks when every one passed, else 503 naming those that failed.
fn answer(checks: Vec<Check>) -> Response {
    let failed: Vec<String> = checks
        .iter()
        .filter(|check| !check.ok)
        .map(|check| format!("{}: {}", check.name, check.detail))
        .collect();
    if failed.is_empty() {
        return Json(Status {
            status: "ready",
            checks,
        })
        .into_response();
    }
    let detail = format!("Not ready. {}.", failed.join("; "));
    ApiProblem(Problem::unavailable(detail, Some(RETRY_AFTER_SECS))).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::header;

    #[tokio::test]
    async fn a_failed_check_is_a_503_problem_naming_it_with_retry_after() {
        let checks = vec![
            Check::passed("database", "answers, schema version 10"),
            Check::failed("projector", "the projector has stopped"),
        ];
        let response = answer(checks);
        assert_eq!(response.status(), 503);
        let headers = response.headers();
        assert_eq!(headers[header::RETRY_AFTER], "5");
        assert_eq!(headers[header::CONTENT_TYPE], "application/problem+json");
        let body = axum::body::to_bytes(response.into_body(), 64 * 1024)
            .await
            .unwrap();
        let problem: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(problem["status"], 503);
        assert_eq!(
            problem["detail"],
            "Not ready. projector: the projector has stopped."
        );
    }
}
