//! Sending a contract through the mediator from a REST route, and turning its success
//! into a response with the status the handler chose.

use crate::http::problem::ApiProblem;
use crate::http::query::ApiQuery;
use crate::http::session::Sender;
use axum::Json;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use mediator::{Context, Done, Request, SuccessStatus};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A successful answer, with a `Location` header for created resources.
pub(crate) struct Reply<T> {
    done: Done<T>,
    location: Option<String>,
}

impl<T> Reply<T> {
    /// The answer's value.
    pub fn value(&self) -> &T {
        &self.done.value
    }

    /// Adds a `Location` header (used with 201 Created).
    pub fn at(mut self, location: String) -> Self {
        self.location = Some(location);
        self
    }
}

/// What a REST route returns.
pub(crate) type ApiResult<T> = Result<Reply<T>, ApiProblem>;

/// The whole of a REST route whose query string is its contract (`GET /api/kitchen/queue`,
/// the analytics, ...): parse it, send it as the caller, answer what the handler did.
pub(crate) async fn send_query<Q>(
    sender: Sender,
    ApiQuery(query): ApiQuery<Q>,
) -> ApiResult<Q::Response>
where
    Q: Request + DeserializeOwned,
{
    sender.send(query).await
}

impl Sender {
    /// Sends `request` through the mediator on behalf of the caller, whom the
    /// authorization behavior checks.
    pub(crate) async fn send<R: Request>(self, request: R) -> ApiResult<R::Response> {
        self.send_in(request, Context::new()).await
    }

    /// [`send`](Self::send) in a context that carries more than the caller (an
    /// idempotency key).
    pub(crate) async fn send_in<R: Request>(
        self,
        request: R,
        ctx: Context,
    ) -> ApiResult<R::Response> {
        let done = self
            .mediator
            .send_with(request, ctx.with(self.caller))
            .await?;
        Ok(Reply {
            done,
            location: None,
        })
    }
}

impl<T: Serialize> IntoResponse for Reply<T> {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.done.status.code()).unwrap_or(StatusCode::OK);
        let mut response = if self.done.status == SuccessStatus::NoContent {
            status.into_response()
        } else {
            (status, Json(self.done.value)).into_response()
        };
        if let Some(location) = self.location.and_then(|l| l.parse().ok()) {
            response.headers_mut().insert(header::LOCATION, location);
        }
        response
    }
}
