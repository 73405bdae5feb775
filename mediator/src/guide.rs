//! # Guide
//!
//! One short, compiled example per concept. The examples share a tiny pizzeria: a
//! `PlaceOrder` command, a `GetMenu` query and an `OrderPlaced` event, declared in
//! the hidden lines of each example as in [the crate example](crate#example).
//!
//! ## Requests, handlers and outcomes
//! A request is a command (changes state) or a query (reads it), with exactly one
//! handler. The handler answers an [`Outcome`](crate::Outcome): a [`Done`](crate::Done)
//! value with its success status, or a [`Problem`](crate::Problem).
//! ```
//! use mediator::*;
//!
//! #[derive(Clone, PartialEq, Eq, Hash)]
//! struct GetMenu { category: Option<String> }
//! impl Request for GetMenu {
//!     type Response = Vec<String>;
//!     const KIND: RequestKind = RequestKind::Query;
//! }
//!
//! struct GetMenuHandler;
//! impl RequestHandler<GetMenu> for GetMenuHandler {
//!     async fn handle(&self, query: GetMenu, _ctx: &mut Context) -> Outcome<Vec<String>> {
//!         match query.category.as_deref() {
//!             Some("Dessert") => Err(Problem::not_found("No desserts here.")),
//!             _ => Ok(Done::ok(vec!["Margherita".to_owned()])),
//!         }
//!     }
//! }
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! let mediator = Mediator::builder().handler::<GetMenu, _>(GetMenuHandler).build().unwrap();
//! let menu = mediator.send(GetMenu { category: None }).await.unwrap();
//! assert_eq!((menu.code(), menu.value.len()), (200, 1));
//! # }
//! ```
//!
//! ## Events and publish strategies
//! Handlers record events in their [`Context`](crate::Context); they are published
//! after the send succeeds (after the commit, with [`Transactional`](crate::Transactional))
//! and dropped if it fails. A failing event handler does not stop the others; it is
//! logged, counted by [`Metrics`](crate::Metrics), and listed in the
//! [`PublishReport`](crate::PublishReport) that
//! [`on_event_report`](crate::HandlersBuilder::on_event_report) receives.
//! ```
//! # use mediator::*;
//! #[derive(Clone)]
//! struct OrderPlaced { order_id: u64 }
//! impl Event for OrderPlaced {}
//!
//! struct PrintTicket;
//! impl EventHandler<OrderPlaced> for PrintTicket {
//!     async fn handle(&self, _event: &OrderPlaced) -> Result<(), EventError> {
//!         Err("printer out of paper".into())
//!     }
//! }
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! let mediator = Mediator::builder()
//!     .publish_strategy(PublishStrategy::Concurrent) // handlers run all at once
//!     .event_handler::<OrderPlaced, _>(PrintTicket)
//!     .on_event_report(|report| assert!(!report.is_success()))
//!     .build()
//!     .unwrap();
//! let report = mediator.publish(OrderPlaced { order_id: 1 }).await;
//! assert_eq!(report.failed[0].handler, "PrintTicket");
//! # }
//! ```
//!
//! ## Behaviors, their order and their scope
//! A [`Behavior`](crate::Behavior) wraps every send, and optionally every event
//! delivery (`handle_event`). The first added runs outermost. [`Only`](crate::Only)
//! restricts one to commands, queries, events or named types.
//! ```
//! # use mediator::*;
//! /// Stamps each command with the time it was received.
//! struct Received;
//! impl Behavior for Received {
//!     async fn handle<R: Request>(&self, req: R, ctx: &mut Context, next: impl Next<R>) -> Answer<R> {
//!         ctx.insert(ReceivedAt(42));
//!         next.run(req, ctx).await
//!     }
//! }
//! struct ReceivedAt(u64);
//!
//! let builder = Mediator::builder()
//!     .behavior(Tracing)                 // outermost: sees everything
//!     .behavior(Only::commands(Received)); // commands only
//! ```
//!
//! ## Validation
//! A request lists its broken rules in [`Request::validate`](crate::Request::validate);
//! the [`Validation`](crate::Validation) behavior answers 422 with all of them, and
//! the handler never sees invalid input.
//! ```
//! # use mediator::*;
//! struct PlaceOrder { name: String, pizzas: u32 }
//! impl Request for PlaceOrder {
//!     type Response = u64;
//!     const KIND: RequestKind = RequestKind::Command;
//!     fn validate(&self) -> Result<(), Vec<FieldError>> {
//!         let mut errors = Vec::new();
//!         if self.name.is_empty() { errors.push(FieldError::new("name", "Required.")); }
//!         if self.pizzas == 0 { errors.push(FieldError::new("pizzas", "At least one.")); }
//!         if errors.is_empty() { Ok(()) } else { Err(errors) }
//!     }
//! }
//! # struct Handler;
//! # impl RequestHandler<PlaceOrder> for Handler {
//! #     async fn handle(&self, _: PlaceOrder, _: &mut Context) -> Outcome<u64> { unreachable!() }
//! # }
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! let mediator = Mediator::builder()
//!     .behavior(Validation)
//!     .handler::<PlaceOrder, _>(Handler)
//!     .build()
//!     .unwrap();
//! let problem = mediator.send(PlaceOrder { name: String::new(), pizzas: 0 }).await.unwrap_err();
//! assert_eq!((problem.code(), problem.errors.len()), (422, 2));
//! # }
//! ```
//!
//! ## Tracing and metrics
//! [`Tracing`](crate::Tracing) opens one span per request and per event and logs each
//! failure once; `Metrics` (feature `metrics`) counts and times them through the
//! `metrics` facade, into whatever recorder the program installed (the server's renders
//! Prometheus text on `/metrics`).
//! ```
//! # use mediator::*;
//! # #[cfg(feature = "metrics")]
//! let builder = Mediator::builder().behavior(Tracing).behavior(Metrics);
//! ```
//!
//! ## Caching queries
//! [`Caching`](crate::Caching) keeps the successful answers of the query types it is
//! told about, keyed by the query's value, each type with its own TTL and capacity.
//! The events a query declares clear it when they are published.
//! ```
//! # use mediator::*;
//! # use std::time::Duration;
//! # #[derive(Clone, PartialEq, Eq, Hash)]
//! # struct GetMenu { category: Option<String> }
//! # impl Request for GetMenu { type Response = Vec<String>; const KIND: RequestKind = RequestKind::Query; }
//! # #[derive(Clone)]
//! # struct PizzaUpdated;
//! # impl Event for PizzaUpdated {}
//! let policy = CachePolicy { ttl: Duration::from_secs(60), capacity: 256 };
//! let caching = Caching::new()
//!     .query::<GetMenu>(policy)
//!     .invalidated_by::<GetMenu, PizzaUpdated>();
//! let builder = Mediator::builder().behavior(caching);
//! ```
//!
//! ## Transactions (unit of work)
//! Implement [`UnitOfWork`](crate::UnitOfWork) over the database; with
//! [`Transactional`](crate::Transactional), every command runs in a transaction that
//! its handler reaches through [`Context::transaction`](crate::Context::transaction).
//! It commits only on success; events are published only after the commit.
//! ```
//! # use mediator::*;
//! # use std::sync::{Arc, Mutex};
//! #[derive(Clone, Default)]
//! struct Db(Arc<Mutex<Vec<String>>>);
//! impl UnitOfWork for Db {
//!     type Tx = Vec<String>; // the rows to write on commit
//!     async fn begin(&self) -> Result<Vec<String>, Problem> { Ok(Vec::new()) }
//!     async fn commit(&self, rows: Vec<String>) -> Result<(), Problem> {
//!         self.0.lock().unwrap().extend(rows);
//!         Ok(())
//!     }
//!     async fn rollback(&self, _rows: Vec<String>) -> Result<(), Problem> { Ok(()) }
//! }
//!
//! struct AddPizza(&'static str);
//! impl Request for AddPizza { type Response = (); const KIND: RequestKind = RequestKind::Command; }
//! struct AddPizzaHandler;
//! impl RequestHandler<AddPizza> for AddPizzaHandler {
//!     async fn handle(&self, command: AddPizza, ctx: &mut Context) -> Outcome<()> {
//!         let tx = ctx.transaction::<Vec<String>>().ok_or_else(|| Problem::internal("no tx"))?;
//!         tx.push(command.0.to_owned());
//!         if command.0.is_empty() { return Err(Problem::bad_request("No name.")); }
//!         Ok(Done::created(()))
//!     }
//! }
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! let db = Db::default();
//! let mediator = Mediator::builder()
//!     .behavior(Transactional::new(db.clone()))
//!     .handler::<AddPizza, _>(AddPizzaHandler)
//!     .build()
//!     .unwrap();
//! mediator.send(AddPizza("Diavola")).await.unwrap();
//! mediator.send(AddPizza("")).await.unwrap_err(); // rolled back
//! assert_eq!(*db.0.lock().unwrap(), ["Diavola"]);
//! # }
//! ```
//!
//! ## Streaming queries
//! A query may answer with an [`ItemStream`](crate::ItemStream): items that keep
//! coming after the outcome, for live views. [`stream`](crate::stream) builds one from
//! an iterator, a pollable source (a channel receiver) or any stream.
//! ```
//! # use mediator::*;
//! struct WatchOrders;
//! impl Request for WatchOrders {
//!     type Response = ItemStream<u64>;
//!     const KIND: RequestKind = RequestKind::Query;
//! }
//! struct WatchOrdersHandler;
//! impl RequestHandler<WatchOrders> for WatchOrdersHandler {
//!     async fn handle(&self, _: WatchOrders, _: &mut Context) -> Outcome<ItemStream<u64>> {
//!         Ok(Done::ok(stream::iter([7, 8])))
//!     }
//! }
//! ```
//!
//! ## A full pipeline, in the recommended order
//! Outermost first: tracing and metrics see everything (cache hits and refusals
//! included), validation refuses bad input before any work, the cache answers before
//! a transaction would open, and the transaction wraps only the handler. With the
//! `metrics` feature, `.behavior(Metrics)` goes right after `Tracing`.
//! ```
//! # use mediator::*;
//! # #[derive(Clone)] struct Db;
//! # impl UnitOfWork for Db {
//! #     type Tx = ();
//! #     async fn begin(&self) -> Result<(), Problem> { Ok(()) }
//! #     async fn commit(&self, _: ()) -> Result<(), Problem> { Ok(()) }
//! #     async fn rollback(&self, _: ()) -> Result<(), Problem> { Ok(()) }
//! # }
//! let builder = Mediator::builder()
//!     .behavior(Tracing)
//!     .behavior(Validation)
//!     .behavior(Caching::new())
//!     .behavior(Transactional::new(Db));
//! ```
