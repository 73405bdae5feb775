//! [`Mediator`]: the runtime side. `send` finds a request's pipeline by type and runs
//! it, then publishes the events the handler recorded; `publish` fans an event out.

use crate::context::Recorded;
use crate::event::{EventRegistry, PublishReport};
use crate::registry::{BoxFuture, ErasedPipeline, RequestEntry, TypeMap};
use crate::{Context, Event, Identity, MediatorBuilder, Outcome, Problem, Request, RequestKind};
use std::any::TypeId;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// Receives the report of every event published on behalf of a send.
pub(crate) type ReportHook = Arc<dyn Fn(&PublishReport) + Send + Sync>;

/// Routes commands and queries to their handler (through the behaviors) and events to
/// their handlers. Cheap to clone: clones share one registry.
#[derive(Clone)]
pub struct Mediator {
    inner: Arc<Inner>,
}

struct Inner {
    requests: TypeMap<RequestEntry>,
    events: EventRegistry,
    report_hook: Option<ReportHook>,
}

impl Mediator {
    /// Starts building a mediator.
    pub fn builder() -> MediatorBuilder<Identity> {
        MediatorBuilder::new()
    }

    pub(crate) fn from_parts(
        requests: TypeMap<RequestEntry>,
        events: EventRegistry,
        report_hook: Option<ReportHook>,
    ) -> Self {
        Self {
            inner: Arc::new(Inner {
                requests,
                events,
                report_hook,
            }),
        }
    }

    /// Sends a request with an empty [`Context`]; see [`send_with`](Self::send_with).
    // Not an `async fn`: returning `send_with`'s future as is avoids nesting one state
    // machine in another, which is measurable at this scale.
    pub fn send<R: Request>(
        &self,
        request: R,
    ) -> impl Future<Output = Outcome<R::Response>> + Send {
        self.send_with(request, Context::default())
    }

    /// Runs the request through the behaviors and its handler. On `Ok`, the events
    /// recorded in `ctx` are then published in recording order; on a problem they are
    /// dropped. A type without a handler answers a 500 problem naming it.
    pub async fn send_with<R: Request>(
        &self,
        request: R,
        mut ctx: Context,
    ) -> Outcome<R::Response> {
        let Some(pipeline) = self.pipeline::<R>() else {
            return Err(no_handler(R::name()));
        };
        let outcome = pipeline.call(request, &mut ctx).await;
        if outcome.is_ok() && ctx.pending_events() > 0 {
            self.publish_recorded(ctx.take_events()).await;
        }
        outcome
    }

    /// Delivers the event to each of its handlers in registration order. A failing
    /// handler does not stop the others; the report lists it.
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

    // Boxed so that sends without events do not carry this state in their future: a
    // smaller `send` future is a faster one, and sends with events allocate anyway.
    fn publish_recorded(&self, events: Vec<Box<dyn Recorded>>) -> BoxFuture<'_, ()> {
        Box::pin(async move {
            for event in events {
                let report = event.publish(&self.inner.events).await;
                if let Some(hook) = &self.inner.report_hook {
                    hook(&report);
                }
            }
        })
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
        let events: BTreeMap<_, _> = self.inner.events.summary().into_iter().collect();
        f.debug_struct("Mediator")
            .field("commands", &commands)
            .field("queries", &queries)
            .field("event_handlers", &events)
            .finish()
    }
}

// Out of line and cold: keeps the error's construction out of every `send` future.
#[cold]
#[inline(never)]
fn no_handler(name: &'static str) -> Problem {
    Problem::internal(NoHandler(name))
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
