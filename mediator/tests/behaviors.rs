//! Behaviors wrap every send in the order added, can short-circuit, and can restrict
//! themselves to some requests.

mod common;

use common::*;
use mediator::{Answer, Behavior, Context, Mediator, Next, Problem, Request, RequestKind};
use std::any::TypeId;

/// Writes `"<label> in <request>"` and `"<label> out"` around the rest of the chain.
struct Trace(&'static str, Journal);

impl Behavior for Trace {
    async fn handle<R: Request>(&self, req: R, ctx: &mut Context, next: impl Next<R>) -> Answer<R> {
        self.1.write(format!("{} in {}", self.0, R::name()));
        let outcome = next.run(req, ctx).await;
        self.1.write(format!("{} out", self.0));
        outcome
    }
}

#[tokio::test]
async fn behaviors_run_in_the_order_added_outermost_first() {
    let journal = Journal::default();
    let mediator = Mediator::builder()
        .behavior(Trace("first", journal.clone()))
        .behavior(Trace("second", journal.clone()))
        .behavior(Trace("third", journal.clone()))
        .handler::<GetMenu, _>(GetMenuHandler(journal.clone()))
        .build()
        .unwrap();

    mediator.send(GetMenu).await.unwrap();

    let expected = [
        "first in GetMenu",
        "second in GetMenu",
        "third in GetMenu",
        "GetMenu handled",
        "third out",
        "second out",
        "first out",
    ];
    assert_eq!(journal.lines(), expected);
}

/// Records an event, then refuses: neither the handler nor the event may go through.
struct Refuse;

impl Behavior for Refuse {
    async fn handle<R: Request>(
        &self,
        _req: R,
        ctx: &mut Context,
        _next: impl Next<R>,
    ) -> Answer<R> {
        ctx.record(OrderPlaced { order_id: 0 });
        Err(Problem::forbidden("Not today."))
    }
}

#[tokio::test]
async fn a_behavior_returning_a_problem_keeps_the_handler_and_events_from_running() {
    let journal = Journal::default();
    let mediator = Mediator::builder()
        .behavior(Trace("outer", journal.clone()))
        .behavior(Refuse)
        .handler::<PlaceOrder, _>(PlaceOrderHandler(journal.clone()))
        .event_handler::<OrderPlaced, _>(RecordOrder("kitchen", journal.clone()))
        .build()
        .unwrap();

    let problem = mediator.send(PlaceOrder { quantity: 1 }).await.unwrap_err();

    assert_eq!(problem, Problem::forbidden("Not today."));
    assert_eq!(journal.lines(), ["outer in PlaceOrder", "outer out"]);
}

/// Traces queries only, as a read-side cache would.
struct QueriesOnly(Journal);

impl Behavior for QueriesOnly {
    async fn handle<R: Request>(&self, req: R, ctx: &mut Context, next: impl Next<R>) -> Answer<R> {
        if R::KIND == RequestKind::Query {
            self.0.write(format!("query {}", R::name()));
        }
        next.run(req, ctx).await
    }
}

/// Refuses `PlaceOrder` alone, picked out by its `TypeId`.
struct NoOrders;

impl Behavior for NoOrders {
    async fn handle<R: Request>(&self, req: R, ctx: &mut Context, next: impl Next<R>) -> Answer<R> {
        if TypeId::of::<R>() == TypeId::of::<PlaceOrder>() {
            return Err(Problem::unavailable("Ordering is paused.", Some(60)));
        }
        next.run(req, ctx).await
    }
}

fn restricted_mediator(journal: &Journal) -> Mediator {
    Mediator::builder()
        .behavior(QueriesOnly(journal.clone()))
        .behavior(NoOrders)
        .handler::<PlaceOrder, _>(PlaceOrderHandler(journal.clone()))
        .handler::<GetMenu, _>(GetMenuHandler(journal.clone()))
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_behavior_restricted_to_queries_leaves_commands_alone() {
    let journal = Journal::default();
    let mediator = restricted_mediator(&journal);

    mediator.send(GetMenu).await.unwrap();
    let _ = mediator.send(PlaceOrder { quantity: 1 }).await;

    assert_eq!(journal.lines(), ["query GetMenu", "GetMenu handled"]);
}

#[tokio::test]
async fn a_behavior_can_target_one_request_type() {
    let mediator = restricted_mediator(&Journal::default());

    let refused = mediator.send(PlaceOrder { quantity: 1 }).await.unwrap_err();
    let menu = mediator.send(GetMenu).await;

    assert_eq!((refused.code(), refused.retry_after_secs), (503, Some(60)));
    assert!(menu.is_ok());
}
