//! The one mapping from a mediator [`Problem`] to an HTTP response: RFC 9457
//! `application/problem+json`, with `Retry-After` when the problem says when to retry.
//! Internal details never get here: a 500's detail is generic by construction.
//!
//! [`problem_for_bare_errors`] gives the same shape to the error answers axum and tower
//! make themselves (405 with `Allow`, a path it could not decode, an unsupported media
//! type): an error with an empty or plain-text body becomes problem+json of its status.

use app::error::ProblemDocument;
use axum::Json;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use mediator::Problem;

/// A problem on its way out as an HTTP response.
#[derive(Debug)]
pub(crate) struct ApiProblem(pub Problem);

impl From<Problem> for ApiProblem {
    fn from(problem: Problem) -> Self {
        ApiProblem(problem)
    }
}

impl IntoResponse for ApiProblem {
    fn into_response(self) -> Response {
        let problem = self.0;
        let status =
            StatusCode::from_u16(problem.code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = problem_json(status, &ProblemDocument::from(&problem));
        if let Some(seconds) = problem.retry_after_secs {
            let headers = response.headers_mut();
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

fn problem_json(status: StatusCode, body: &ProblemDocument<'_>) -> Response {
    let mut response = (status, Json(body)).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    response
}

/// Rewrites an error answer with an empty or plain-text body as problem+json, keeping its
/// status and headers (`Allow` on a 405). Its text is dropped: it may quote internals.
pub(crate) async fn problem_for_bare_errors(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    let bare = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_none_or(|kind| kind.as_bytes().starts_with(b"text/plain"));
    if !(status.is_client_error() || status.is_server_error()) || !bare {
        return response;
    }
    let (mut parts, _) = response.into_parts();
    let title = status.canonical_reason().unwrap_or("Error");
    let detail = match status {
        StatusCode::METHOD_NOT_ALLOWED => "This address does not take that method; see Allow.",
        StatusCode::NOT_FOUND => "There is nothing at this address.",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "This address does not take that content type.",
        _ if status.is_server_error() => "Something went wrong on our side.",
        _ => "The request is malformed.",
    };
    let body = ProblemDocument {
        kind: "about:blank",
        title,
        status: status.as_u16(),
        detail,
        errors: &[],
        retry_after_secs: None,
    };
    let problem = problem_json(status, &body);
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    let (_, body) = problem.into_parts();
    Response::from_parts(parts, Body::new(body))
}
