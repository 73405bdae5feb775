//! Assembling a [`Mediator`]: behaviors first (their order is fixed by the builder's
//! type), then handlers, each monomorphized with the behaviors into one pipeline.
//! `build` checks the whole setup and reports every mistake at once.

use crate::event::{EventRegistry, Events, PublishReport, ReportHook};
use crate::registry::{Pipeline, RequestEntry, event_pipeline};
use crate::type_map::TypeMap;
use crate::{Behavior, Catalog, Event, EventHandler, Identity, Mediator, PublishStrategy};
use crate::{Request, RequestHandler, Stack};
use std::any::TypeId;
use std::collections::hash_map::Entry;
use std::fmt;
use std::sync::Arc;

/// Builds a [`Mediator`]. The stage `S` says what may still be added: behaviors and
/// handlers while it is [`AddingBehaviors`] ([`MediatorBuilder`]), handlers only once
/// it is [`AddingHandlers`] ([`HandlersBuilder`]). Everything else (event handlers,
/// expectations, the publish strategy, `build`) works the same in both stages.
#[must_use = "a builder does nothing until `build` is called"]
pub struct Builder<S> {
    stage: S,
    setup: Setup,
}

/// A [`Builder`] while behaviors can still be added; `B` is the stack so far.
/// The first [`handler`](Self::handler) fixes the behaviors and turns this into a
/// [`HandlersBuilder`], which has no `behavior` method.
pub type MediatorBuilder<B = Identity> = Builder<AddingBehaviors<B>>;

/// A [`Builder`] once its behaviors are fixed: more handlers, event handlers and
/// expectations, then [`build`](Self::build).
///
/// The order of behaviors is a rule of the type, not checked at run time: a
/// behavior added after a handler does not compile.
/// ```compile_fail,E0599
/// # use mediator::*;
/// # struct Ping;
/// # impl Request for Ping {
/// #     type Response = ();
/// #     const KIND: RequestKind = RequestKind::Query;
/// # }
/// # struct Pong;
/// # impl RequestHandler<Ping> for Pong {
/// #     async fn handle(&self, _: Ping, _: &mut Context) -> Outcome<()> {
/// #         Ok(Done::ok(()))
/// #     }
/// # }
/// let builder = Mediator::builder().handler::<Ping, _>(Pong);
/// builder.behavior(Validation); // `HandlersBuilder` has no `behavior`
/// ```
pub type HandlersBuilder<B> = Builder<AddingHandlers<B>>;

/// The stage of a [`MediatorBuilder`]: the behaviors so far, owned so that another
/// can still be stacked around them.
pub struct AddingBehaviors<B>(B);

/// The stage of a [`HandlersBuilder`]: the behaviors, fixed and shared by every
/// handler's pipeline.
pub struct AddingHandlers<B>(Arc<B>);

// Here rather than in `mediator.rs`, so that the mediator does not depend on its
// builder: the builder depends on the mediator it builds.
impl Mediator {
    /// Starts building a mediator.
    pub fn builder() -> MediatorBuilder<Identity> {
        MediatorBuilder::new()
    }
}

impl MediatorBuilder {
    /// An empty builder; same as [`Mediator::builder`].
    pub fn new() -> Self {
        Self {
            stage: AddingBehaviors(Identity),
            setup: Setup::default(),
        }
    }
}

impl Default for MediatorBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl<B: Behavior> MediatorBuilder<B> {
    /// Adds a behavior inside those added before: the first added runs outermost,
    /// around requests and around event deliveries alike. To apply it to some
    /// messages only, wrap it in [`Only`](crate::Only).
    pub fn behavior<X: Behavior>(self, behavior: X) -> MediatorBuilder<Stack<B, X>> {
        let behaviors = Stack {
            outer: self.stage.0,
            inner: behavior,
        };
        Builder {
            stage: AddingBehaviors(behaviors),
            setup: self.setup,
        }
    }

    /// Registers the handler of `R` and fixes the behaviors; see [`HandlersBuilder::handler`].
    pub fn handler<R: Request, H: RequestHandler<R>>(self, handler: H) -> HandlersBuilder<B> {
        self.fix_behaviors().handler(handler)
    }

    /// Checks the setup; see [`HandlersBuilder::build`].
    pub fn build(self) -> Result<Mediator, BuildError> {
        self.fix_behaviors().build()
    }

    fn fix_behaviors(self) -> HandlersBuilder<B> {
        Builder {
            stage: AddingHandlers(Arc::new(self.stage.0)),
            setup: self.setup,
        }
    }
}

impl<B: Behavior> HandlersBuilder<B> {
    /// Registers the handler of `R`, wrapped in the behaviors. A second handler for the
    /// same type is kept out and reported by `build`.
    pub fn handler<R: Request, H: RequestHandler<R>>(mut self, handler: H) -> Self {
        let pipeline = Pipeline {
            behaviors: Arc::clone(&self.stage.0),
            handler,
        };
        match self.setup.requests.entry(TypeId::of::<R>()) {
            Entry::Vacant(slot) => {
                slot.insert(RequestEntry::new::<R>(Box::new(pipeline)));
            }
            Entry::Occupied(_) => self.setup.duplicates.push(R::name()),
        }
        self
    }

    /// The mediator, or every problem found: duplicate handlers and expected types
    /// without a handler.
    pub fn build(self) -> Result<Mediator, BuildError> {
        self.setup.build(self.stage.0)
    }
}

impl<S> Builder<S> {
    /// Adds a handler of event `E`. Any number per event; they run in the order added.
    pub fn event_handler<E: Event, H: EventHandler<E>>(mut self, handler: H) -> Self {
        self.setup.events.add(handler);
        self
    }

    /// Requires a handler for `R`, registered before or after this call; `build` fails
    /// without one.
    pub fn expect<R: Request>(mut self) -> Self {
        self.setup.expected.push(TypeId::of::<R>(), R::name());
        self
    }

    /// Requires a handler for every type in `catalog`.
    pub fn expect_all(mut self, catalog: Catalog) -> Self {
        self.setup.expect_all(&catalog);
        self
    }

    /// Chooses how the handlers of one event run; the default is
    /// [`PublishStrategy::Sequential`].
    pub fn publish_strategy(mut self, strategy: PublishStrategy) -> Self {
        self.setup.strategy = strategy;
        self
    }

    /// Sets the callback that receives the report of each event recorded in a
    /// [`Context`](crate::Context) and published after a successful send. No caller
    /// sees those reports otherwise, so this is where their failures get logged.
    pub fn on_event_report(
        mut self,
        hook: impl Fn(&PublishReport) + Send + Sync + 'static,
    ) -> Self {
        self.setup.report_hook = Some(Arc::new(hook));
        self
    }
}

/// What a builder collects besides the behaviors, the same in both stages.
#[derive(Default)]
struct Setup {
    requests: TypeMap<RequestEntry>,
    events: EventRegistry,
    expected: Catalog,
    duplicates: Vec<&'static str>,
    report_hook: Option<ReportHook>,
    strategy: PublishStrategy,
}

impl Setup {
    fn expect_all(&mut self, catalog: &Catalog) {
        for &(id, name) in catalog.entries() {
            self.expected.push(id, name);
        }
    }

    fn build<B: Behavior>(self, behaviors: Arc<B>) -> Result<Mediator, BuildError> {
        let mut problems: Vec<BuildProblem> = Vec::new();
        for name in self.duplicates {
            if !problems.contains(&BuildProblem::DuplicateHandler(name)) {
                problems.push(BuildProblem::DuplicateHandler(name));
            }
        }
        for &(id, name) in self.expected.entries() {
            if !self.requests.contains_key(&id) {
                problems.push(BuildProblem::MissingHandler(name));
            }
        }
        if problems.is_empty() {
            let events = Events {
                registry: self.events,
                strategy: self.strategy,
                pipeline: event_pipeline(behaviors),
                report_hook: self.report_hook,
            };
            Ok(Mediator::from_parts(self.requests, events))
        } else {
            Err(BuildError { problems })
        }
    }
}

/// One mistake in a mediator's setup, naming the request type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuildProblem {
    /// More than one handler was registered for this request type.
    DuplicateHandler(&'static str),
    /// This request type was expected but has no handler.
    MissingHandler(&'static str),
}

impl fmt::Display for BuildProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::DuplicateHandler(name) => write!(f, "duplicate handler for {name}"),
            Self::MissingHandler(name) => write!(f, "no handler for {name}"),
        }
    }
}

/// Why [`build`](HandlersBuilder::build) refused the setup: every problem, not just the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildError {
    problems: Vec<BuildProblem>,
}

impl BuildError {
    /// The problems, duplicates first, each in registration order.
    pub fn problems(&self) -> &[BuildProblem] {
        &self.problems
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid mediator setup: ")?;
        for (index, problem) in self.problems.iter().enumerate() {
            if index > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for BuildError {}
