//! Event publication: every handler registered for an event type receives it, one
//! after another in registration order or all at once ([`PublishStrategy`]), inside
//! the behaviors' event steps. Failures are logged and collected in a
//! [`PublishReport`] instead of stopping delivery, since handlers are independent
//! reactions.

use crate::box_future::BoxFuture;
use crate::context::Recorded;
use crate::request::short_type_name;
use crate::type_map::TypeMap;
use crate::{Event, EventError, EventHandler, EventRef};
use futures_util::future::join_all;
use std::any::{Any, TypeId};
use std::error::Error;
use std::sync::Arc;

/// Receives the report of every event published on behalf of a send.
pub(crate) type ReportHook = Arc<dyn Fn(&PublishReport) + Send + Sync>;

/// How the handlers of one event run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PublishStrategy {
    /// One after another, in registration order: the default, and the right choice
    /// when a handler relies on an earlier one (a projection before a notification).
    #[default]
    Sequential,
    /// All at once, on the publishing task: for independent handlers that wait on
    /// I/O. Failures are still reported in registration order.
    Concurrent,
}

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

    /// Counts a handler's result; a failure is logged here, once, with its causes.
    fn note(&mut self, handler: &'static str, result: Result<(), EventError>) {
        match result {
            Ok(()) => self.delivered += 1,
            Err(error) => {
                let error = error_chain(error.as_ref());
                tracing::error!(event = self.event, handler, %error, "event handler failed");
                self.failed.push(HandlerFailure { handler, error });
            }
        }
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

struct Erased<H> {
    // Computed once here rather than on every delivery.
    name: &'static str,
    handler: H,
}

impl<E: Event, H: EventHandler<E>> ErasedEventHandler<E> for Erased<H> {
    fn name(&self) -> &'static str {
        self.name
    }

    fn handle<'a>(&'a self, event: &'a E) -> BoxFuture<'a, Result<(), EventError>> {
        Box::pin(self.handler.handle(event))
    }
}

type Handlers<E> = Vec<Box<dyn ErasedEventHandler<E>>>;

/// A registered event type. `handlers` holds a `Handlers<E>`, and `deliver_erased` is
/// [`deliver_erased::<E>`](deliver_erased), which finds `E` again for an event whose
/// type was erased when it was recorded.
struct EventEntry {
    name: &'static str,
    count: usize,
    handlers: Box<dyn Any + Send + Sync>,
    deliver_erased: DeliverErased,
}

/// [`EventEntry::deliver`] for an event seen through an [`EventRef`].
type DeliverErased =
    for<'a> fn(&'a EventEntry, EventRef<'a>, PublishStrategy) -> BoxFuture<'a, PublishReport>;

impl EventEntry {
    /// Delivers `event` to each handler of this entry, which must be `E`'s.
    async fn deliver<E: Event>(&self, event: &E, strategy: PublishStrategy) -> PublishReport {
        // The entry's name is `E::name()`, already computed at registration.
        let mut report = PublishReport::new(self.name);
        let Some(handlers) = self.handlers.downcast_ref::<Handlers<E>>() else {
            return report;
        };
        match strategy {
            PublishStrategy::Sequential => {
                for handler in handlers {
                    report.note(handler.name(), handler.handle(event).await);
                }
            }
            PublishStrategy::Concurrent => {
                let results = join_all(handlers.iter().map(|h| h.handle(event))).await;
                for (handler, result) in handlers.iter().zip(results) {
                    report.note(handler.name(), result);
                }
            }
        }
        report
    }
}

/// An `E`'s entry's [`deliver`](EventEntry::deliver), for `E` seen through an
/// [`EventRef`]; stored in the entry when its first handler is added.
fn deliver_erased<'a, E: Event>(
    entry: &'a EventEntry,
    event: EventRef<'a>,
    strategy: PublishStrategy,
) -> BoxFuture<'a, PublishReport> {
    Box::pin(async move {
        match event.downcast_ref::<E>() {
            Some(event) => entry.deliver(event, strategy).await,
            None => PublishReport::new(entry.name),
        }
    })
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
                deliver_erased: deliver_erased::<E>,
            });
        if let Some(handlers) = entry.handlers.downcast_mut::<Handlers<E>>() {
            let name = short_type_name::<H>();
            handlers.push(Box::new(Erased { name, handler }));
            entry.count += 1;
        }
    }

    /// Delivers `event` to each handler; zero handlers is not an error.
    async fn deliver<E: Event>(&self, event: &E, strategy: PublishStrategy) -> PublishReport {
        match self.entries.get(&TypeId::of::<E>()) {
            Some(entry) => entry.deliver(event, strategy).await,
            None => PublishReport::new(E::name()),
        }
    }

    /// [`deliver`](Self::deliver) for an event whose type is erased.
    fn deliver_erased<'a>(
        &'a self,
        event: EventRef<'a>,
        strategy: PublishStrategy,
    ) -> BoxFuture<'a, PublishReport> {
        match self.entries.get(&event.type_id()) {
            Some(entry) => (entry.deliver_erased)(entry, event, strategy),
            None => Box::pin(std::future::ready(PublishReport::new(event.name()))),
        }
    }

    /// `(event name, handler count)`, sorted by name.
    pub(crate) fn summary(&self) -> Vec<(&'static str, usize)> {
        let mut summary: Vec<_> = self.entries.values().map(|e| (e.name, e.count)).collect();
        summary.sort_unstable();
        summary
    }
}

/// Everything publishing needs: the handlers, the strategy, the behaviors' event
/// steps and the hook for reports nobody awaits. Shared by direct `publish` and by
/// events recorded during a send.
pub(crate) struct Events {
    pub(crate) registry: EventRegistry,
    pub(crate) strategy: PublishStrategy,
    pub(crate) pipeline: Option<Box<dyn ErasedEventPipeline>>,
    pub(crate) report_hook: Option<ReportHook>,
}

impl Events {
    /// Runs the event through the behaviors' event steps and delivers it.
    pub(crate) async fn publish<E: Event>(&self, event: &E) -> PublishReport {
        let deliver = self.registry.deliver(event, self.strategy);
        match &self.pipeline {
            None => deliver.await,
            Some(pipeline) => pipeline.run(EventRef::new(event), Box::pin(deliver)).await,
        }
    }

    /// Publishes the events a successful send recorded, in recording order, handing
    /// each report to the hook.
    // Boxed so that sends without events do not carry this state in their future: a
    // smaller `send` future is a faster one, and sends with events allocate anyway.
    pub(crate) fn publish_recorded(&self, recorded: Vec<Box<dyn Recorded>>) -> BoxFuture<'_, ()> {
        Box::pin(async move {
            for event in recorded {
                let report = self.publish_erased(event.event()).await;
                if let Some(hook) = &self.report_hook {
                    hook(&report);
                }
            }
        })
    }

    /// [`publish`](Self::publish) for an event whose type is erased.
    fn publish_erased<'a>(&'a self, event: EventRef<'a>) -> BoxFuture<'a, PublishReport> {
        let deliver = self.registry.deliver_erased(event, self.strategy);
        match &self.pipeline {
            None => deliver,
            Some(pipeline) => pipeline.run(event, deliver),
        }
    }
}

/// The behaviors' event steps, type-erased: one per mediator, shared by every event.
pub(crate) trait ErasedEventPipeline: Send + Sync {
    /// Runs the event steps around `deliver`, the delivery to the event's handlers.
    fn run<'a>(
        &'a self,
        event: EventRef<'a>,
        deliver: BoxFuture<'a, PublishReport>,
    ) -> BoxFuture<'a, PublishReport>;
}

/// An error and its sources, joined with `": "`, for logs and reports.
pub(crate) fn error_chain(error: &(dyn Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
