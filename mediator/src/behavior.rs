//! Pipeline behaviors: cross-cutting steps (logging, validation, transactions) wrapped
//! around every `send`, and optionally around every event publication. They compose
//! statically: the builder nests them in [`Stack`]s, so a chain of behaviors and its
//! handler compile into one future, with no boxing per behavior.

use crate::{Context, EventRef, Handled, PublishReport, Request, RequestHandler};

/// A step around every request handler, and around the delivery of every event.
/// Call `next.run(..).await` to go on, or return without calling it to short-circuit.
///
/// A behavior is generic over the request; it can branch on `R::KIND`, `R::name()` or
/// `TypeId::of::<R>()` to apply to some requests only, or be wrapped in
/// [`Only`](crate::Only).
pub trait Behavior: Send + Sync + 'static {
    /// Runs this step; `next` is the rest of the chain, ending with the handler.
    fn handle<R: Request>(&self, req: R, ctx: &mut Context, next: impl Next<R>) -> impl Handled<R>;

    /// Runs this step around the delivery of an event to its handlers; `next` ends
    /// with the delivery. Passes straight through unless overridden.
    fn handle_event<N: NextEvent>(
        &self,
        event: EventRef<'_>,
        next: N,
    ) -> impl Future<Output = PublishReport> + Send {
        next.run(event)
    }
}

/// The rest of the pipeline after a behavior: inner behaviors, then the handler.
/// Consumed by `run`, so it runs at most once.
pub trait Next<R: Request>: Send {
    /// Runs the rest of the pipeline.
    fn run(self, request: R, ctx: &mut Context) -> impl Handled<R>;
}

/// The rest of an event's pipeline: inner behaviors, then delivery to every handler.
pub trait NextEvent: Send {
    /// Runs the rest of the pipeline and reports how delivery went.
    fn run(self, event: EventRef<'_>) -> impl Future<Output = PublishReport> + Send;
}

/// No behavior: goes straight on. The start of every builder.
#[derive(Debug, Clone, Copy, Default)]
pub struct Identity;

impl Behavior for Identity {
    fn handle<R: Request>(&self, req: R, ctx: &mut Context, next: impl Next<R>) -> impl Handled<R> {
        next.run(req, ctx)
    }
}

/// Two behaviors as one: `outer` runs first and wraps `inner`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stack<Outer, Inner> {
    /// The behavior that runs first.
    pub outer: Outer,
    /// The behavior `outer`'s `next` leads to.
    pub inner: Inner,
}

impl<Outer: Behavior, Inner: Behavior> Behavior for Stack<Outer, Inner> {
    fn handle<R: Request>(&self, req: R, ctx: &mut Context, next: impl Next<R>) -> impl Handled<R> {
        let next = Then {
            behavior: &self.inner,
            next,
        };
        self.outer.handle(req, ctx, next)
    }

    fn handle_event<N: NextEvent>(
        &self,
        event: EventRef<'_>,
        next: N,
    ) -> impl Future<Output = PublishReport> + Send {
        let next = Then {
            behavior: &self.inner,
            next,
        };
        self.outer.handle_event(event, next)
    }
}

/// `next` as seen by an outer behavior: run `behavior`, then the original `next`.
struct Then<'b, B, N> {
    behavior: &'b B,
    next: N,
}

impl<R: Request, B: Behavior, N: Next<R>> Next<R> for Then<'_, B, N> {
    fn run(self, request: R, ctx: &mut Context) -> impl Handled<R> {
        self.behavior.handle(request, ctx, self.next)
    }
}

impl<B: Behavior, N: NextEvent> NextEvent for Then<'_, B, N> {
    fn run(self, event: EventRef<'_>) -> impl Future<Output = PublishReport> + Send {
        self.behavior.handle_event(event, self.next)
    }
}

/// The end of every pipeline: the request handler itself.
pub(crate) struct Handler<'h, H>(pub(crate) &'h H);

impl<R: Request, H: RequestHandler<R>> Next<R> for Handler<'_, H> {
    fn run(self, request: R, ctx: &mut Context) -> impl Handled<R> {
        self.0.handle(request, ctx)
    }
}
