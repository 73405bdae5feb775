//! The server side of every server function: [`dispatch`] sends its contract through
//! the mediator on behalf of the request's caller. Compiled only into the server.

use crate::contracts::Caller;
use crate::error::AppError;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// The future of a [`CallerLookup`].
pub type CallerFuture = Pin<Box<dyn Future<Output = Result<Caller, mediator::Problem>> + Send>>;

/// How the server finds who sends a request: from the request's parts (its session
/// cookie), the caller. The server provides one in the context of every page and server
/// function; it runs only when something is dispatched, so a page that sends nothing
/// never looks a session up.
#[derive(Clone)]
pub struct CallerLookup(pub Arc<dyn Fn(&http::request::Parts) -> CallerFuture + Send + Sync>);

/// Sends a request through the mediator found in the server function's context, on
/// behalf of the request's [`caller`], and turns a problem into the HTTP status of the
/// response.
pub(crate) async fn dispatch<R: mediator::Request>(request: R) -> Result<R::Response, AppError> {
    dispatch_in(request, mediator::Context::new()).await
}

/// [`dispatch`] in a context that carries more than the caller (an idempotency key).
pub(crate) async fn dispatch_in<R: mediator::Request>(
    request: R,
    ctx: mediator::Context,
) -> Result<R::Response, AppError> {
    let mediator = context_mediator()?;
    let caller = caller().await?;
    match mediator.send_with(request, ctx.with(caller)).await {
        Ok(done) => Ok(done.value),
        Err(problem) => Err(refuse(problem)),
    }
}

/// The mediator the server provides in the context of every server function.
pub(crate) fn context_mediator() -> Result<mediator::Mediator, AppError> {
    use_context::<mediator::Mediator>().ok_or_else(|| {
        mediator::Problem::internal("no mediator in the server function context").into()
    })
}

/// The error a server function answers for `problem`, with its HTTP status.
pub(crate) fn refuse(problem: mediator::Problem) -> AppError {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(status) = http::StatusCode::from_u16(problem.code())
    {
        response.set_status(status);
    }
    problem.into()
}

/// Who sends the request being served, as the context's [`CallerLookup`] finds it;
/// anonymous outside a request or without a lookup.
pub(crate) async fn caller() -> Result<Caller, AppError> {
    let (Some(parts), Some(CallerLookup(lookup))) = (
        use_context::<http::request::Parts>(),
        use_context::<CallerLookup>(),
    ) else {
        return Ok(Caller::Anonymous);
    };
    lookup(&parts).await.map_err(refuse)
}
