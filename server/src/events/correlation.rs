//! Correlation ids: every request gets one (from the edge, or fresh here), and every event
//! a command appends carries it, so the events one request caused can be found together
//! in the log and in traces.

use mediator::{Answer, Behavior, Context, Next, Request};
use uuid::Uuid;

/// The id shared by everything one request causes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CorrelationId(pub Uuid);

/// The request's correlation id, when the pipeline gave it one.
pub(crate) fn correlation_id(ctx: &Context) -> Option<Uuid> {
    ctx.get::<CorrelationId>().map(|id| id.0)
}

/// Gives every request a correlation id unless its sender already set one.
pub(crate) struct Correlate;

impl Behavior for Correlate {
    async fn handle<R: Request>(&self, req: R, ctx: &mut Context, next: impl Next<R>) -> Answer<R> {
        if ctx.get::<CorrelationId>().is_none() {
            ctx.insert(CorrelationId(Uuid::new_v4()));
        }
        next.run(req, ctx).await
    }
}
