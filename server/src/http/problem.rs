//! The one mapping from a mediator [`Problem`] to an HTTP response: RFC 9457
//! `application/problem+json`, with `Retry-After` when the problem says when to retry.
//! Internal details never get here: a 500's detail is generic by construction.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use mediator::{FieldError, Problem};
use serde::Serialize;

/// A problem on its way out as an HTTP response.
#[derive(Debug)]
pub(crate) struct ApiProblem(pub Problem);

impl From<Problem> for ApiProblem {
    fn from(problem: Problem) -> Self {
        ApiProblem(problem)
    }
}

#[derive(Serialize)]
struct ProblemBody<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'a str,
    status: u16,
    detail: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    errors: &'a [FieldError],
}

impl IntoResponse for ApiProblem {
    fn into_response(self) -> Response {
        let problem = self.0;
        let status =
            StatusCode::from_u16(problem.code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = ProblemBody {
            kind: "about:blank",
            title: &problem.title,
            status: status.as_u16(),
            detail: &problem.detail,
            errors: &problem.errors,
        };
        let mut response = (status, Json(body)).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let Some(seconds) = problem.retry_after_secs {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}
