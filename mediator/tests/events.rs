//! Events fan out to every handler, one after another or all at once; a failing
//! handler never stops the others; events recorded during a send are published only
//! when the send succeeds, and always then.

mod common;

use common::*;
use mediator::PublishStrategy;
use mediator::{EventError, EventHandler, HandlerFailure, Mediator, PublishReport};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Barrier;

#[tokio::test]
async fn every_handler_of_an_event_receives_it_in_registration_order() {
    let journal = Journal::default();
    let mediator = Mediator::builder()
        .event_handler::<OrderPlaced, _>(RecordOrder("kitchen", journal.clone()))
        .event_handler::<OrderPlaced, _>(RecordOrder("sms", journal.clone()))
        .event_handler::<OrderPlaced, _>(RecordOrder("stats", journal.clone()))
        .build()
        .unwrap();

    let report = mediator.publish(OrderPlaced { order_id: 7 }).await;

    assert_eq!(
        journal.lines(),
        ["kitchen got 7", "sms got 7", "stats got 7"]
    );
    assert_eq!((report.delivered, report.is_success()), (3, true));
}

#[tokio::test]
async fn a_failing_event_handler_does_not_stop_the_others_and_is_reported() {
    let journal = Journal::default();
    let mediator = Mediator::builder()
        .event_handler::<OrderPlaced, _>(RecordOrder("kitchen", journal.clone()))
        .event_handler::<OrderPlaced, _>(BrokenSms)
        .event_handler::<OrderPlaced, _>(RecordOrder("stats", journal.clone()))
        .build()
        .unwrap();

    let report = mediator.publish(OrderPlaced { order_id: 7 }).await;

    assert_eq!(journal.lines(), ["kitchen got 7", "stats got 7"]);
    let failure = HandlerFailure {
        handler: "BrokenSms",
        error: "sms gateway unreachable".into(),
    };
    let expected = PublishReport {
        event: "OrderPlaced",
        delivered: 2,
        failed: vec![failure],
    };
    assert_eq!(report, expected);
}

#[tokio::test]
async fn publishing_an_event_nobody_handles_is_not_an_error() {
    let mediator = Mediator::builder().build().unwrap();

    let report = mediator.publish(OrderPlaced { order_id: 1 }).await;

    assert_eq!((report.delivered, report.is_success()), (0, true));
}

fn ordering_mediator(journal: &Journal) -> Mediator {
    Mediator::builder()
        .handler::<PlaceOrder, _>(PlaceOrderHandler(journal.clone()))
        .event_handler::<OrderPlaced, _>(RecordOrder("kitchen", journal.clone()))
        .build()
        .unwrap()
}

#[tokio::test]
async fn events_recorded_by_a_handler_are_published_after_it_succeeds() {
    let journal = Journal::default();

    let outcome = ordering_mediator(&journal)
        .send(PlaceOrder { quantity: 2 })
        .await;

    assert!(outcome.is_ok());
    assert_eq!(journal.lines(), ["PlaceOrder handled", "kitchen got 42"]);
}

#[tokio::test]
async fn events_recorded_before_a_problem_are_never_published() {
    let journal = Journal::default();

    let outcome = ordering_mediator(&journal)
        .send(PlaceOrder { quantity: 0 })
        .await;

    assert_eq!(outcome.unwrap_err().code(), 400);
    assert_eq!(journal.lines(), ["PlaceOrder handled"]);
}

#[tokio::test]
async fn the_report_hook_sees_the_failures_of_recorded_events() {
    let reports = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&reports);
    let mediator = Mediator::builder()
        .on_event_report(move |report| sink.lock().unwrap().push(report.clone()))
        .handler::<PlaceOrder, _>(PlaceOrderHandler(Journal::default()))
        .event_handler::<OrderPlaced, _>(BrokenSms)
        .build()
        .unwrap();

    let outcome = mediator.send(PlaceOrder { quantity: 1 }).await;

    assert!(
        outcome.is_ok(),
        "an event handler's failure does not fail the send"
    );
    let reports = reports.lock().unwrap();
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].failed[0].handler, "BrokenSms");
}

/// Waits until every handler sharing the barrier has started.
struct MeetTheOthers(Arc<Barrier>, &'static str, Journal);

impl EventHandler<OrderPlaced> for MeetTheOthers {
    async fn handle(&self, _event: &OrderPlaced) -> Result<(), EventError> {
        self.2.write(format!("{} started", self.1));
        self.0.wait().await;
        Ok(())
    }
}

fn meeting(strategy: PublishStrategy, journal: &Journal) -> Mediator {
    let barrier = Arc::new(Barrier::new(2));
    Mediator::builder()
        .publish_strategy(strategy)
        .event_handler::<OrderPlaced, _>(MeetTheOthers(barrier.clone(), "kitchen", journal.clone()))
        .event_handler::<OrderPlaced, _>(BrokenSms)
        .event_handler::<OrderPlaced, _>(MeetTheOthers(barrier, "stats", journal.clone()))
        .build()
        .unwrap()
}

#[tokio::test]
async fn the_concurrent_strategy_runs_every_handler_at_once_and_reports_in_order() {
    let journal = Journal::default();
    let mediator = meeting(PublishStrategy::Concurrent, &journal);

    let publish = mediator.publish(OrderPlaced { order_id: 5 });
    let report = tokio::time::timeout(Duration::from_secs(5), publish).await;

    let report = report.expect("both waiting handlers ran together");
    assert_eq!(journal.lines(), ["kitchen started", "stats started"]);
    assert_eq!(report.delivered, 2);
    assert_eq!(report.failed[0].handler, "BrokenSms");
}

#[tokio::test]
async fn the_sequential_strategy_waits_for_each_handler_before_the_next() {
    let journal = Journal::default();
    let mediator = meeting(PublishStrategy::Sequential, &journal);

    let publish = mediator.publish(OrderPlaced { order_id: 5 });
    let report = tokio::time::timeout(Duration::from_millis(50), publish).await;

    assert!(report.is_err(), "the first handler waits alone, forever");
    assert_eq!(journal.lines(), ["kitchen started"]);
}

#[tokio::test]
async fn when_every_handler_fails_the_report_hook_still_hears_of_each_failure() {
    let reports = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&reports);
    let mediator = Mediator::builder()
        .publish_strategy(PublishStrategy::Concurrent)
        .on_event_report(move |report| sink.lock().unwrap().push(report.clone()))
        .handler::<PlaceOrder, _>(PlaceOrderHandler(Journal::default()))
        .event_handler::<OrderPlaced, _>(BrokenSms)
        .event_handler::<OrderPlaced, _>(BrokenSms)
        .build()
        .unwrap();

    mediator.send(PlaceOrder { quantity: 1 }).await.unwrap();

    let reports = reports.lock().unwrap();
    assert_eq!(reports.len(), 1);
    assert_eq!((reports[0].delivered, reports[0].failed.len()), (0, 2));
}
