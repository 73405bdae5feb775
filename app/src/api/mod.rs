//! Server functions: the client's way into the mediator. Each one only forwards its
//! contract to `dispatch`, which runs on the server; the same handlers serve REST.
//! (The generated request types are named `...Call` so they never shadow the contracts.)
//! One file per audience: what a customer calls, the kitchen, delivery, the menu editor.

mod analytics;
mod customer;
mod delivery;
mod kitchen;
mod menu_admin;
mod staff;

pub use analytics::*;
pub use customer::*;
pub use delivery::*;
pub use kitchen::*;
pub use menu_admin::*;
pub use staff::*;

#[cfg(feature = "ssr")]
use crate::error::AppError;
#[cfg(feature = "ssr")]
use leptos::prelude::*;

/// Sends a request through the mediator found in the server function's context, on
/// behalf of the caller the server's session middleware put in the request (anonymous
/// when there is none), and turns a problem into the HTTP status of the response.
#[cfg(feature = "ssr")]
pub(crate) async fn dispatch<R: mediator::Request>(request: R) -> Result<R::Response, AppError> {
    let Some(mediator) = use_context::<mediator::Mediator>() else {
        let problem = mediator::Problem::internal("no mediator in the server function context");
        return Err(problem.into());
    };
    let ctx = mediator::Context::new().with(caller());
    match mediator.send_with(request, ctx).await {
        Ok(done) => Ok(done.value),
        Err(problem) => {
            if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
                && let Ok(status) = http::StatusCode::from_u16(problem.code())
            {
                response.set_status(status);
            }
            Err(problem.into())
        }
    }
}

/// Who sends the request being served: the caller the server's session middleware put in
/// its extensions, anonymous when there is none.
#[cfg(feature = "ssr")]
pub(crate) fn caller() -> crate::contracts::Caller {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<crate::contracts::Caller>().cloned())
        .unwrap_or_default()
}
