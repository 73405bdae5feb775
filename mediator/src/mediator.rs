//! [`Mediator`]: the runtime side. `send` finds a request's pipeline by type and runs
//! it, then publishes the events the handler recorded; `publish` fans an event out.

use crate::box_future::BoxFuture;
use crate::event::{Events, PublishReport};
use crate::registry::{ErasedPipeline, RequestEntry};
use crate::type_map::TypeMap;
use crate::{Context, Event, Handled, Outcome, Problem, Request, RequestKind};
use std::any::TypeId;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// Routes commands and queries to their handler (through the behaviors) and events to
/// their handlers. Cheap to clone: clones share one registry.
#[derive(Clone)]
pub struct Mediator {
    inner: Arc<Inner>,
}

struct Inner {
    requests: TypeMap<RequestEntry>,
    events: Events,
}

impl Mediator {
    pub(crate) fn from_parts(requests: TypeMap<RequestEntry>, events: Events) -> Self {
        Self {
            inner: Arc::new(Inner { requests, events }),
        }
    }

    /// Sends a request with an empty [`Context`]; see [`send_with`](Self::send_with).
    // Not an `async fn`: returning `send_with`'s future as is avoids nesting one state
    // machine in another, which is measurable at this scale.
    pub fn send<R: Request>(&self, request: R) -> impl Handled<R> {
        self.send_with(request, Context::default())
    }

    /// Runs the request through the behaviors and its handler. On `Ok`, the events
    /// recorded in `ctx` are then published in recording order; on a problem they are
    /// dropped. A type without a handler answers a 500 problem naming it.
    // The pipeline is looked up now rather than when first polled, and its boxed
    // future is returned as is: a one-pointer future, cheap to move and poll.
    pub fn send_with<R: Request>(&self, request: R, ctx: Context) -> impl Handled<R> {
        match self.pipeline::<R>() {
            Some(pipeline) => pipeline.call(request, ctx, &self.inner.events),
            None => no_handler(R::name()),
        }
    }

    /// Delivers the event to each of its handlers, through the behaviors' event steps,
    /// by the [`PublishStrategy`](crate::PublishStrategy) chosen at build time
    /// (registration order by default). A failing handler does not stop the others;
    /// it is logged and listed in the report.
    pub async fn publish<E: Event>(&self, event: E) -> PublishReport {
        self.inner.events.publish(&event).await
    }

    /// Whether a handler is registered for `R`.
    pub fn has_handler<R: Request>(&self) -> bool {
        self.inner.requests.contains_key(&TypeId::of::<R>())
    }

    fn pipeline<R: Request>(&self) -> Option<&dyn ErasedPipeline<R>> {
        self.inner.requests.get(&TypeId::of::<R>())?.pipeline::<R>()
    }
}

impl fmt::Debug for Mediator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut commands = Vec::new();
        let mut queries = Vec::new();
        for entry in self.inner.requests.values() {
            match entry.kind {
                RequestKind::Command => commands.push(entry.name),
                RequestKind::Query => queries.push(entry.name),
            }
        }
        commands.sort_unstable();
        queries.sort_unstable();
        let summary = self.inner.events.registry.summary();
        let events: BTreeMap<_, _> = summary.into_iter().collect();
        f.debug_struct("Mediator")
            .field("commands", &commands)
            .field("queries", &queries)
            .field("event_handlers", &events)
            .field("publish_strategy", &self.inner.events.strategy)
            .finish()
    }
}

// Out of line and cold: keeps the error's construction out of every `send`.
#[cold]
#[inline(never)]
fn no_handler<'a, T: Send + 'a>(name: &'static str) -> BoxFuture<'a, Outcome<T>> {
    let problem = Problem::internal(NoHandler(name));
    Box::pin(async move { Err(problem) })
}

/// The hidden cause of the 500 answered for a request type nobody handles.
#[derive(Debug)]
struct NoHandler(&'static str);

impl fmt::Display for NoHandler {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no handler registered for {}", self.0)
    }
}

impl std::error::Error for NoHandler {}
