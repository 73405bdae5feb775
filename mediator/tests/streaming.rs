//! Streaming queries answer with a stream of items; the request still goes through
//! the behaviors, and a live stream keeps yielding after the outcome is returned.

mod common;

use common::logs::Logs;
use futures_util::StreamExt;
use mediator::stream::{self, ItemStream};
use mediator::{Context, Done, FieldError, Mediator, Outcome, Request, RequestHandler};
use mediator::{RequestKind, Tracing, Validation};
use std::sync::Mutex;
use tokio::sync::mpsc;

/// The orders of one kitchen, as they come; an empty kitchen name is invalid.
struct WatchOrders {
    kitchen: &'static str,
}

impl Request for WatchOrders {
    type Response = ItemStream<u64>;
    const KIND: RequestKind = RequestKind::Query;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        match self.kitchen {
            "" => Err(vec![FieldError::new("kitchen", "Name a kitchen.")]),
            _ => Ok(()),
        }
    }
}

/// Answers the orders so far, ready at once.
struct OrdersSoFar;

impl RequestHandler<WatchOrders> for OrdersSoFar {
    async fn handle(&self, _query: WatchOrders, _ctx: &mut Context) -> Outcome<ItemStream<u64>> {
        Ok(Done::ok(stream::iter(vec![1, 2, 3])))
    }
}

fn watching() -> Mediator {
    Mediator::builder()
        .behavior(Tracing)
        .behavior(Validation)
        .handler::<WatchOrders, _>(OrdersSoFar)
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_query_can_answer_with_a_stream_of_items() {
    let done = watching()
        .send(WatchOrders { kitchen: "north" })
        .await
        .unwrap();

    let items: Vec<u64> = done.value.collect().await;

    assert_eq!(items, [1, 2, 3]);
}

#[tokio::test]
async fn a_streaming_query_goes_through_the_behaviors() {
    let (logs, _guard) = Logs::capture();

    let refused = watching().send(WatchOrders { kitchen: "" }).await;

    let problem = refused.err().expect("an invalid query is refused");
    assert_eq!(problem.code(), 422);
    let spans = logs.spans("request");
    assert_eq!(spans[0].fields["request"], "WatchOrders");
    assert_eq!(spans[0].fields["status"], "422");
}

/// Hands out a receiver of live order ids, once.
struct LiveOrders(Mutex<Option<mpsc::UnboundedReceiver<u64>>>);

impl RequestHandler<WatchOrders> for LiveOrders {
    async fn handle(&self, _query: WatchOrders, _ctx: &mut Context) -> Outcome<ItemStream<u64>> {
        let mut receiver = self.0.lock().unwrap().take().expect("watched once");
        Ok(Done::ok(stream::poll_fn(move |cx| receiver.poll_recv(cx))))
    }
}

#[tokio::test]
async fn a_live_stream_yields_items_sent_after_the_query_answered() {
    let (sender, receiver) = mpsc::unbounded_channel();
    let mediator = Mediator::builder()
        .handler::<WatchOrders, _>(LiveOrders(Mutex::new(Some(receiver))))
        .build()
        .unwrap();
    let mut orders = mediator
        .send(WatchOrders { kitchen: "north" })
        .await
        .unwrap()
        .value;

    sender.send(10).unwrap();
    assert_eq!(orders.next().await, Some(10));
    sender.send(11).unwrap();
    drop(sender);

    assert_eq!(orders.next().await, Some(11));
    assert_eq!(orders.next().await, None);
}
