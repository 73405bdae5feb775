//! The server side of every server function: [`dispatch`] sends its contract through
//! the mediator on behalf of the request's caller. Compiled only into the server.

use crate::error::AppError;
use leptos::prelude::*;

/// Sends a request through the mediator found in the server function's context, on
/// behalf of the caller the server's session middleware put in the request (anonymous
/// when there is none), and turns a problem into the HTTP status of the response.
pub(crate) async fn dispatch<R: mediator::Request>(request: R) -> Result<R::Response, AppError> {
    dispatch_in(request, mediator::Context::new()).await
}

/// [`dispatch`] in a context that carries more than the caller (an idempotency key).
pub(crate) async fn dispatch_in<R: mediator::Request>(
    request: R,
    ctx: mediator::Context,
) -> Result<R::Response, AppError> {
    let Some(mediator) = use_context::<mediator::Mediator>() else {
        let problem = mediator::Problem::internal("no mediator in the server function context");
        return Err(problem.into());
    };
    match mediator.send_with(request, ctx.with(caller())).await {
        Ok(done) => Ok(done.value),
        Err(problem) => Err(refuse(problem)),
    }
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

/// Who sends the request being served: the caller the server's session middleware put in
/// its extensions, anonymous when there is none.
pub(crate) fn caller() -> crate::contracts::Caller {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<crate::contracts::Caller>().cloned())
        .unwrap_or_default()
}
