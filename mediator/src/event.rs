//! Event publication: every handler registered for an event type receives it, one
//! after another in registration order. Failures are collected in a [`PublishReport`]
//! instead of stopping delivery, since handlers are independent reactions.

use crate::registry::{BoxFuture, TypeMap};
use crate::request::short_type_name;
use crate::{Event, EventError, EventHandler};
use std::any::{Any, TypeId};
use std::error::Error;

/// What happened when an event was published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishReport {
    /// The event's [`Event::name`].
    pub event: &'static str,
    /// How many handlers returned `Ok`.
    pub delivered: usize,
    /// The handlers that returned an error, in the order they ran.
    pub failed: Vec<HandlerFailure>,
}

impl PublishReport {
    fn new(event: &'static str) -> Self {
        Self {
            event,
            delivered: 0,
            failed: Vec::new(),
        }
    }

    /// Whether no handler failed (also true when there were no handlers).
    pub fn is_success(&self) -> bool {
        self.failed.is_empty()
    }
}

/// One event handler's failure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandlerFailure {
    /// The handler's type name, without its module path.
    pub handler: &'static str,
    /// The error and its sources, joined with `": "`.
    pub error: String,
}

/// An event handler with its type erased, so handlers of one event share a `Vec`.
trait ErasedEventHandler<E>: Send + Sync {
    fn name(&self) -> &'static str;
    fn handle<'a>(&'a self, event: &'a E) -> BoxFuture<'a, Result<(), EventError>>;
}

struct Erased<H>(H);

impl<E: Event, H: EventHandler<E>> ErasedEventHandler<E> for Erased<H> {
    fn name(&self) -> &'static str {
        short_type_name::<H>()
    }

    fn handle<'a>(&'a self, event: &'a E) -> BoxFuture<'a, Result<(), EventError>> {
        Box::pin(self.0.handle(event))
    }
}

type Handlers<E> = Vec<Box<dyn ErasedEventHandler<E>>>;

/// A registered event type. `handlers` holds a `Handlers<E>`.
struct EventEntry {
    name: &'static str,
    count: usize,
    handlers: Box<dyn Any + Send + Sync>,
}

/// Every event handler, by event type.
#[derive(Default)]
pub(crate) struct EventRegistry {
    entries: TypeMap<EventEntry>,
}

impl EventRegistry {
    pub(crate) fn add<E: Event, H: EventHandler<E>>(&mut self, handler: H) {
        let entry = self
            .entries
            .entry(TypeId::of::<E>())
            .or_insert_with(|| EventEntry {
                name: E::name(),
                count: 0,
                handlers: Box::new(Handlers::<E>::new()),
            });
        if let Some(handlers) = entry.handlers.downcast_mut::<Handlers<E>>() {
            handlers.push(Box::new(Erased(handler)));
            entry.count += 1;
        }
    }

    /// Delivers `event` to each handler in turn; zero handlers is not an error.
    pub(crate) async fn publish<E: Event>(&self, event: &E) -> PublishReport {
        let mut report = PublishReport::new(E::name());
        let handlers = self
            .entries
            .get(&TypeId::of::<E>())
            .and_then(|entry| entry.handlers.downcast_ref::<Handlers<E>>());
        for handler in handlers.into_iter().flatten() {
            match handler.handle(event).await {
                Ok(()) => report.delivered += 1,
                Err(error) => report.failed.push(HandlerFailure {
                    handler: handler.name(),
                    error: error_chain(error.as_ref()),
                }),
            }
        }
        report
    }

    /// `(event name, handler count)`, sorted by name.
    pub(crate) fn summary(&self) -> Vec<(&'static str, usize)> {
        let mut summary: Vec<_> = self.entries.values().map(|e| (e.name, e.count)).collect();
        summary.sort_unstable();
        summary
    }
}

fn error_chain(error: &(dyn Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
