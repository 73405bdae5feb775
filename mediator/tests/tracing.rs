//! The `Tracing` behavior: one span per request and per event, with type, kind,
//! status and duration, and each failure logged once.

mod common;

use common::logs::Logs;
use common::*;
use mediator::{Context, Mediator, Outcome, Problem, RequestHandler, Tracing};
use tracing::Level;

/// Fails the way a broken database would: a 500 with a private cause.
struct DiskFull;

impl RequestHandler<GetOrder> for DiskFull {
    async fn handle(&self, _request: GetOrder, _ctx: &mut Context) -> Outcome<u64> {
        Err(Problem::internal("disk full"))
    }
}

fn traced(journal: &Journal) -> Mediator {
    Mediator::builder()
        .behavior(Tracing)
        .handler::<PlaceOrder, _>(PlaceOrderHandler(journal.clone()))
        .handler::<GetMenu, _>(GetMenuHandler(journal.clone()))
        .handler::<GetOrder, _>(DiskFull)
        .event_handler::<OrderPlaced, _>(RecordOrder("kitchen", journal.clone()))
        .event_handler::<OrderPlaced, _>(BrokenSms)
        .build()
        .unwrap()
}

#[tokio::test]
async fn each_request_gets_one_span_with_its_type_kind_status_and_duration() {
    let (logs, _guard) = Logs::capture();
    let mediator = traced(&Journal::default());

    mediator.send(GetMenu).await.unwrap();

    let spans = logs.spans("request");
    assert_eq!(spans.len(), 1, "{spans:?}");
    let fields = &spans[0].fields;
    assert_eq!(fields["request"], "GetMenu");
    assert_eq!(fields["kind"], "query");
    assert_eq!(fields["status"], "200");
    let duration: f64 = fields["duration_ms"].parse().unwrap();
    assert!(duration >= 0.0);
}

#[tokio::test]
async fn a_command_span_says_command_and_its_success_status() {
    let (logs, _guard) = Logs::capture();
    let mediator = traced(&Journal::default());

    mediator.send(PlaceOrder { quantity: 1 }).await.unwrap();

    let spans = logs.spans("request");
    let fields = &spans[0].fields;
    assert_eq!(
        (fields["request"].as_str(), fields["kind"].as_str()),
        ("PlaceOrder", "command")
    );
    assert_eq!(fields["status"], "201");
}

#[tokio::test]
async fn a_server_error_is_logged_once_at_error_level_with_its_cause() {
    let (logs, _guard) = Logs::capture();
    let mediator = traced(&Journal::default());

    let problem = mediator.send(GetOrder).await.unwrap_err();

    assert_eq!(problem.code(), 500);
    let errors = logs.at(Level::ERROR);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].fields["cause"], "disk full");
    assert_eq!(errors[0].fields["request"], "GetOrder");
    assert_eq!(errors[0].span, Some("request"));
    assert_eq!(logs.spans("request")[0].fields["status"], "500");
}

/// Asks the caller to come back: a 503 with `Retry-After` and no cause.
struct KitchenFull;

impl RequestHandler<GetOrder> for KitchenFull {
    async fn handle(&self, _request: GetOrder, _ctx: &mut Context) -> Outcome<u64> {
        Err(Problem::unavailable("The kitchen is full.", Some(30)))
    }
}

#[tokio::test]
async fn a_retry_later_answer_is_a_warning_not_an_error() {
    let (logs, _guard) = Logs::capture();
    let mediator = Mediator::builder()
        .behavior(Tracing)
        .handler::<GetOrder, _>(KitchenFull)
        .build()
        .unwrap();

    let problem = mediator.send(GetOrder).await.unwrap_err();

    assert_eq!(problem.code(), 503);
    assert!(logs.at(Level::ERROR).is_empty());
    let warnings = logs.at(Level::WARN);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].fields["status"], "503");
}

#[tokio::test]
async fn a_client_error_is_logged_below_error_level() {
    let (logs, _guard) = Logs::capture();
    let mediator = traced(&Journal::default());

    let problem = mediator.send(PlaceOrder { quantity: 0 }).await.unwrap_err();

    assert_eq!(problem.code(), 400);
    assert!(logs.at(Level::ERROR).is_empty());
    let refusals = logs.at(Level::DEBUG);
    assert_eq!(refusals.len(), 1, "{refusals:?}");
    assert_eq!(refusals[0].fields["status"], "400");
    assert_eq!(logs.spans("request")[0].fields["status"], "400");
}

#[tokio::test]
async fn a_published_event_gets_a_span_with_its_deliveries_and_failures() {
    let (logs, _guard) = Logs::capture();
    let mediator = traced(&Journal::default());

    mediator.publish(OrderPlaced { order_id: 3 }).await;

    let spans = logs.spans("event");
    assert_eq!(spans.len(), 1, "{spans:?}");
    let fields = &spans[0].fields;
    assert_eq!(fields["event"], "OrderPlaced");
    assert_eq!(fields["kind"], "event");
    assert_eq!(
        (fields["delivered"].as_str(), fields["failed"].as_str()),
        ("1", "1")
    );
    assert!(fields.contains_key("duration_ms"));
}

#[tokio::test]
async fn a_failing_event_handler_is_logged_once_with_its_error_inside_the_event_span() {
    let (logs, _guard) = Logs::capture();
    let mediator = traced(&Journal::default());

    mediator.send(PlaceOrder { quantity: 1 }).await.unwrap();

    let errors = logs.at(Level::ERROR);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].fields["handler"], "BrokenSms");
    assert_eq!(errors[0].fields["error"], "sms gateway unreachable");
    assert_eq!(errors[0].span, Some("event"));
}
