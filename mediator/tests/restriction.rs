//! `Only` restricts a behavior to commands, queries, events or named types; behaviors
//! see published events through their event step, outermost first.

mod common;

use common::*;
use mediator::{Answer, Behavior, Context, EventRef, Mediator, Next, NextEvent, Only};
use mediator::{PublishReport, Request};

/// Writes `"<label> <name>"` for every request and event it sees.
struct Seen(&'static str, Journal);

impl Behavior for Seen {
    async fn handle<R: Request>(&self, req: R, ctx: &mut Context, next: impl Next<R>) -> Answer<R> {
        self.1.write(format!("{} {}", self.0, R::name()));
        next.run(req, ctx).await
    }

    async fn handle_event<N: NextEvent>(&self, event: EventRef<'_>, next: N) -> PublishReport {
        self.1.write(format!("{} {}", self.0, event.name()));
        next.run(event).await
    }
}

/// Sends a command (which records `OrderPlaced`), a query, and publishes an event.
async fn exercise(behavior: impl Behavior) {
    let mediator = Mediator::builder()
        .behavior(behavior)
        .handler::<PlaceOrder, _>(PlaceOrderHandler(Journal::default()))
        .handler::<GetMenu, _>(GetMenuHandler(Journal::default()))
        .build()
        .unwrap();
    mediator.send(PlaceOrder { quantity: 1 }).await.unwrap();
    mediator.send(GetMenu).await.unwrap();
    mediator.publish(OrderPlaced { order_id: 1 }).await;
}

#[tokio::test]
async fn an_unrestricted_behavior_sees_commands_queries_and_events() {
    let journal = Journal::default();

    exercise(Seen("saw", journal.clone())).await;

    let expected = [
        "saw PlaceOrder",
        "saw OrderPlaced",
        "saw GetMenu",
        "saw OrderPlaced",
    ];
    assert_eq!(journal.lines(), expected);
}

#[tokio::test]
async fn a_behavior_for_commands_only_sees_nothing_else() {
    let journal = Journal::default();

    exercise(Only::commands(Seen("saw", journal.clone()))).await;

    assert_eq!(journal.lines(), ["saw PlaceOrder"]);
}

#[tokio::test]
async fn a_behavior_for_queries_only_sees_nothing_else() {
    let journal = Journal::default();

    exercise(Only::queries(Seen("saw", journal.clone()))).await;

    assert_eq!(journal.lines(), ["saw GetMenu"]);
}

#[tokio::test]
async fn a_behavior_for_requests_sees_no_events() {
    let journal = Journal::default();

    exercise(Only::requests(Seen("saw", journal.clone()))).await;

    assert_eq!(journal.lines(), ["saw PlaceOrder", "saw GetMenu"]);
}

#[tokio::test]
async fn a_behavior_for_events_sees_recorded_and_published_events_only() {
    let journal = Journal::default();

    exercise(Only::events(Seen("saw", journal.clone()))).await;

    assert_eq!(journal.lines(), ["saw OrderPlaced", "saw OrderPlaced"]);
}

#[tokio::test]
async fn a_behavior_for_named_types_sees_those_types_only() {
    let journal = Journal::default();
    let seen = Seen("saw", journal.clone());

    exercise(Only::types::<(GetMenu, OrderPlaced)>(seen)).await;

    let expected = ["saw OrderPlaced", "saw GetMenu", "saw OrderPlaced"];
    assert_eq!(journal.lines(), expected);
}

#[tokio::test]
async fn a_behavior_for_one_request_type_sees_that_type_only() {
    let journal = Journal::default();

    exercise(Only::request::<GetMenu>(Seen("saw", journal.clone()))).await;

    assert_eq!(journal.lines(), ["saw GetMenu"]);
}

#[tokio::test]
async fn a_behavior_for_all_but_some_types_sees_every_other_one() {
    let journal = Journal::default();

    exercise(Only::except::<(PlaceOrder,)>(Seen("saw", journal.clone()))).await;

    let expected = ["saw OrderPlaced", "saw GetMenu", "saw OrderPlaced"];
    assert_eq!(journal.lines(), expected);
}

#[tokio::test]
async fn event_steps_run_in_the_order_behaviors_were_added() {
    let journal = Journal::default();
    let mediator = Mediator::builder()
        .behavior(Only::events(Seen("first", journal.clone())))
        .behavior(Only::event::<OrderPlaced>(Seen("second", journal.clone())))
        .event_handler::<OrderPlaced, _>(RecordOrder("kitchen", journal.clone()))
        .build()
        .unwrap();

    mediator.publish(OrderPlaced { order_id: 4 }).await;

    let expected = ["first OrderPlaced", "second OrderPlaced", "kitchen got 4"];
    assert_eq!(journal.lines(), expected);
}
