//! A domain-free mediator for CQRS: each command and query goes to exactly one
//! handler, each domain event to any number of handlers, and ordered pipeline
//! behaviors wrap every `send`. Results are [`Outcome`]s carrying an HTTP-like status.
//!
//! Behaviors compose statically: the builder nests them into one type, and each
//! handler is compiled together with them into one pipeline. The only per-send
//! allocation is the boxed future at the type-erased dispatch boundary.
//!
//! The crate ships the behaviors most services need, each optional: [`Validation`],
//! [`Tracing`], [`Metrics`], [`Caching`] and [`Transactional`], plus [`Only`] to
//! restrict any behavior to commands, queries, events or named types. The
//! [`guide`] has a short, compiled example of each concept.
//!
//! # Layout
//! Each module uses only those listed before it, so the imports form no cycle.
//! - `box_future`, `type_map`: the boxed future and the map by `TypeId` that every
//!   type-erased part shares (private).
//! - `status`, `problem`, `outcome`: [`Outcome`] = [`Done`] or [`Problem`], with
//!   [`SuccessStatus`] and [`ProblemStatus`]; serializable, so they compile for wasm.
//! - `request`: the [`Request`] and [`Event`] traits contracts implement,
//!   and [`Catalog`], a list of request types that must be handled.
//! - `event_ref`: [`EventRef`], an event with its type erased.
//! - `context`: the per-send [`Context`] (caller data, recorded events, transaction).
//! - `handler`: [`RequestHandler`] and [`EventHandler`], what an application writes.
//! - `event`: event fan-out, [`PublishStrategy`] and its [`PublishReport`].
//! - `behavior`: [`Behavior`], [`Next`], [`NextEvent`] and their static composition
//!   ([`Stack`]).
//! - `behaviors/`: the shipped behaviors, one file each, and [`Only`].
//! - `registry`: type erasure by `TypeId` at the dispatch boundary (private).
//! - `mediator`: [`Mediator`], `send`, `send_with` and `publish`.
//! - `builder`: [`Builder`] in its two stages, [`MediatorBuilder`] and
//!   [`HandlersBuilder`], checked by `build`; also [`Mediator::builder`].
//! - [`stream`]: [`ItemStream`], the answer of streaming queries (no dependencies).
//! - [`guide`]: documentation only.
//!
//! # Example
//! ```
//! use mediator::*;
//! use std::sync::atomic::{AtomicUsize, Ordering};
//! use std::sync::Arc;
//!
//! struct PlaceOrder { pizzas: u32 }
//! impl Request for PlaceOrder {
//!     type Response = u64;
//!     const KIND: RequestKind = RequestKind::Command;
//! }
//!
//! #[derive(Clone)]
//! struct OrderPlaced { order_id: u64 }
//! impl Event for OrderPlaced {}
//!
//! struct PlaceOrderHandler;
//! impl RequestHandler<PlaceOrder> for PlaceOrderHandler {
//!     async fn handle(&self, request: PlaceOrder, ctx: &mut Context) -> Outcome<u64> {
//!         if request.pizzas == 0 {
//!             return Err(Problem::bad_request("An order needs at least one pizza."));
//!         }
//!         ctx.record(OrderPlaced { order_id: 7 });
//!         Ok(Done::created(7))
//!     }
//! }
//!
//! struct NotifyKitchen(Arc<AtomicUsize>);
//! impl EventHandler<OrderPlaced> for NotifyKitchen {
//!     async fn handle(&self, _event: &OrderPlaced) -> Result<(), EventError> {
//!         self.0.fetch_add(1, Ordering::Relaxed);
//!         Ok(())
//!     }
//! }
//!
//! /// Refuses every command while the shop is closed.
//! struct ClosedForCommands;
//! impl Behavior for ClosedForCommands {
//!     async fn handle<R: Request>(&self, req: R, ctx: &mut Context, next: impl Next<R>) -> Answer<R> {
//!         if R::KIND == RequestKind::Command && ctx.get::<Closed>().is_some() {
//!             return Err(Problem::unavailable("We are closed.", None));
//!         }
//!         next.run(req, ctx).await
//!     }
//! }
//! struct Closed;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), BuildError> {
//! let notified = Arc::new(AtomicUsize::new(0));
//! let mediator = Mediator::builder()
//!     .behavior(ClosedForCommands)
//!     .handler::<PlaceOrder, _>(PlaceOrderHandler)
//!     .event_handler::<OrderPlaced, _>(NotifyKitchen(notified.clone()))
//!     .build()?;
//!
//! let done = mediator.send(PlaceOrder { pizzas: 2 }).await.unwrap();
//! assert_eq!((done.code(), done.value), (201, 7));
//! assert_eq!(notified.load(Ordering::Relaxed), 1);
//!
//! let closed = Context::new().with(Closed);
//! let problem = mediator.send_with(PlaceOrder { pizzas: 2 }, closed).await.unwrap_err();
//! assert_eq!(problem.code(), 503);
//!
//! let report = mediator.publish(OrderPlaced { order_id: 8 }).await;
//! assert_eq!(report.delivered, 1);
//! # Ok(())
//! # }
//! ```

mod behavior;
mod behaviors;
mod box_future;
mod builder;
mod context;
mod event;
mod event_ref;
pub mod guide;
mod handler;
mod mediator;
mod outcome;
mod problem;
mod registry;
mod request;
mod status;
pub mod stream;
mod type_map;

pub use behavior::{Behavior, Identity, Next, NextEvent, Stack};
#[cfg(feature = "metrics")]
pub use behaviors::Metrics;
pub use behaviors::{Begun, Transactional, UnitOfWork, Validation};
pub use behaviors::{CachePolicy, Caching, Clock, SystemClock};
pub use behaviors::{Only, Tracing, TypeList};
pub use builder::{AddingBehaviors, AddingHandlers, Builder};
pub use builder::{BuildError, BuildProblem, HandlersBuilder, MediatorBuilder};
pub use context::Context;
pub use event::{HandlerFailure, PublishReport, PublishStrategy};
pub use event_ref::EventRef;
pub use handler::{EventError, EventHandler, RequestHandler};
pub use mediator::Mediator;
pub use outcome::{Answer, Done, Handled, Outcome};
pub use problem::{FieldError, Problem};
pub use request::{Catalog, Event, Request, RequestKind};
pub use status::{ProblemStatus, SuccessStatus, UnknownStatus};
pub use stream::ItemStream;
