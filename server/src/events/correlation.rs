//! Correlation ids: every request gets one (from the edge, or fresh here), and every event
//! a command appends carries it, so the events one request caused can be found together
//! in the log and in traces. The edge is the HTTP request's `X-Request-Id`
//! (`http/request_id.rs`): it runs the request inside [`at_the_edge`], and every request
//! sent to the mediator while serving it, REST or server function, takes its id.

use mediator::{Answer, Behavior, Context, Next, Request};
use std::future::Future;
use uuid::Uuid;

tokio::task_local! {
    /// The id of the HTTP request being served on this task.
    static EDGE_ID: Uuid;
}

/// Runs `serving` with `id` as the correlation id of every request it sends.
pub(crate) async fn at_the_edge<F: Future>(id: Uuid, serving: F) -> F::Output {
    EDGE_ID.scope(id, serving).await
}

/// The id shared by everything one request causes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CorrelationId(pub Uuid);

/// The request's correlation id, when the pipeline gave it one.
pub(crate) fn correlation_id(ctx: &Context) -> Option<Uuid> {
    ctx.get::<CorrelationId>().map(|id| id.0)
}

/// Gives every request a correlation id unless its sender already set one: the HTTP
/// request's it is served for, else a new one.
pub(crate) struct Correlate;

impl Behavior for Correlate {
    async fn handle<R: Request>(&self, req: R, ctx: &mut Context, next: impl Next<R>) -> Answer<R> {
        if ctx.get::<CorrelationId>().is_none() {
            let id = EDGE_ID
                .try_with(|id| *id)
                .unwrap_or_else(|_| Uuid::new_v4());
            ctx.insert(CorrelationId(id));
        }
        next.run(req, ctx).await
    }
}
