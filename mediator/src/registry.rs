//! Type erasure at the dispatch boundary: each statically composed pipeline is stored
//! behind one object-safe trait, keyed by the request's `TypeId`. Calling it costs one
//! map lookup, one downcast and one boxed future: the only allocation of a `send`.
//! Events share one pipeline, erased the same way.

use crate::behavior::Handler;
use crate::box_future::BoxFuture;
use crate::event::{ErasedEventPipeline, Events};
use crate::{Behavior, Context, EventRef, NextEvent, Outcome, PublishReport, Request};
use crate::{Identity, RequestHandler, RequestKind};
use std::any::{Any, TypeId};
use std::sync::Arc;

/// A whole send for one request type, type-erased: the behaviors and the handler,
/// then the publication of the events recorded in `ctx` if the outcome is `Ok`.
pub(crate) trait ErasedPipeline<R: Request>: Send + Sync {
    fn call<'a>(
        &'a self,
        request: R,
        ctx: Context,
        events: &'a Events,
    ) -> BoxFuture<'a, Outcome<R::Response>>;
}

/// The behaviors shared by every pipeline, and one handler.
pub(crate) struct Pipeline<B, H> {
    pub(crate) behaviors: Arc<B>,
    pub(crate) handler: H,
}

impl<R: Request, B: Behavior, H: RequestHandler<R>> ErasedPipeline<R> for Pipeline<B, H> {
    // Everything happens inside the one box, so the future `send` returns is a single
    // pointer: nothing large is moved around while it is polled.
    fn call<'a>(
        &'a self,
        request: R,
        mut ctx: Context,
        events: &'a Events,
    ) -> BoxFuture<'a, Outcome<R::Response>> {
        Box::pin(async move {
            let handler = Handler(&self.handler);
            let outcome = self.behaviors.handle(request, &mut ctx, handler).await;
            if outcome.is_ok() && ctx.pending_events() > 0 {
                events.publish_recorded(ctx.take_events()).await;
            }
            outcome
        })
    }
}

/// A registered request type. `pipeline` holds a `Box<dyn ErasedPipeline<R>>`.
pub(crate) struct RequestEntry {
    pub(crate) name: &'static str,
    pub(crate) kind: RequestKind,
    pipeline: Box<dyn Any + Send + Sync>,
}

impl RequestEntry {
    pub(crate) fn new<R: Request>(pipeline: Box<dyn ErasedPipeline<R>>) -> Self {
        Self {
            name: R::name(),
            kind: R::KIND,
            pipeline: Box::new(pipeline),
        }
    }

    /// The pipeline, if this entry is for `R` (it always is when found by `R`'s id).
    pub(crate) fn pipeline<R: Request>(&self) -> Option<&dyn ErasedPipeline<R>> {
        let pipeline = self.pipeline.downcast_ref::<Box<dyn ErasedPipeline<R>>>()?;
        Some(pipeline.as_ref())
    }
}

struct EventPipeline<B>(Arc<B>);

impl<B: Behavior> ErasedEventPipeline for EventPipeline<B> {
    fn run<'a>(
        &'a self,
        event: EventRef<'a>,
        deliver: BoxFuture<'a, PublishReport>,
    ) -> BoxFuture<'a, PublishReport> {
        Box::pin(self.0.handle_event(event, Deliver(deliver)))
    }
}

/// The event pipeline for `behaviors`, or `None` when there are none, so that
/// publishing without behaviors costs no extra boxed future.
pub(crate) fn event_pipeline<B: Behavior>(
    behaviors: Arc<B>,
) -> Option<Box<dyn ErasedEventPipeline>> {
    if TypeId::of::<B>() == TypeId::of::<Identity>() {
        return None;
    }
    Some(Box::new(EventPipeline(behaviors)))
}

/// The end of every event pipeline: delivery to the handlers, already under way.
struct Deliver<'a>(BoxFuture<'a, PublishReport>);

impl NextEvent for Deliver<'_> {
    fn run(self, _event: EventRef<'_>) -> impl Future<Output = PublishReport> + Send {
        self.0
    }
}
