//! Logs each failed request once, here, so handlers and HTTP mapping never log: a 5xx
//! with its hidden cause at `error`, client mistakes at `debug`.

use mediator::{Behavior, Context, Next, Outcome, Request};

/// Logs problems; passes every outcome through unchanged.
pub(crate) struct ProblemLogging;

impl Behavior for ProblemLogging {
    async fn handle<R: Request, N: Next<R>>(
        &self,
        request: R,
        ctx: &mut Context,
        next: N,
    ) -> Outcome<R::Response> {
        let outcome = next.run(request, ctx).await;
        if let Err(problem) = &outcome {
            if problem.code() >= 500 {
                let cause = problem.cause().map(|cause| cause.to_string());
                tracing::error!(
                    request = R::name(),
                    status = problem.code(),
                    cause,
                    "request failed"
                );
            } else {
                tracing::debug!(request = R::name(), status = problem.code(), detail = %problem.detail, "request refused");
            }
        }
        outcome
    }
}
