//! The `Metrics` behavior: counters per request type and outcome status, a duration
//! histogram in seconds, events and failing event handlers, recorded through the
//! `metrics` facade (here into a debugging recorder local to the test's thread).

mod common;

use common::*;
use mediator::{Mediator, Metrics};
use metrics_util::debugging::{DebugValue, DebuggingRecorder, Snapshotter};
use metrics_util::{CompositeKey, MetricKind};

fn measured(journal: &Journal) -> Mediator {
    Mediator::builder()
        .behavior(Metrics)
        .handler::<PlaceOrder, _>(PlaceOrderHandler(journal.clone()))
        .handler::<GetMenu, _>(GetMenuHandler(journal.clone()))
        .event_handler::<OrderPlaced, _>(RecordOrder("kitchen", journal.clone()))
        .event_handler::<OrderPlaced, _>(BrokenSms)
        .build()
        .unwrap()
}

/// Every series recorded so far: `name{label=value,...}` and its value.
fn series(snapshotter: &Snapshotter) -> Vec<(String, DebugValue)> {
    snapshotter
        .snapshot()
        .into_vec()
        .into_iter()
        .map(|(key, _, _, value)| (name_of(&key), value))
        .collect()
}

fn name_of(key: &CompositeKey) -> String {
    let labels: Vec<String> = key
        .key()
        .labels()
        .map(|label| format!("{}={}", label.key(), label.value()))
        .collect();
    format!("{}{{{}}}", key.key().name(), labels.join(","))
}

fn counter(series: &[(String, DebugValue)], name: &str) -> u64 {
    match series.iter().find(|(n, _)| n == name) {
        Some((_, DebugValue::Counter(count))) => *count,
        other => panic!("no counter {name}: {other:?} in {series:?}"),
    }
}

#[tokio::test]
async fn requests_are_counted_by_type_kind_and_outcome_status() {
    let recorder = DebuggingRecorder::new();
    let snapshotter = recorder.snapshotter();
    let _local = metrics::set_default_local_recorder(&recorder);
    let mediator = measured(&Journal::default());

    mediator.send(PlaceOrder { quantity: 1 }).await.unwrap();
    mediator.send(PlaceOrder { quantity: 2 }).await.unwrap();
    mediator.send(PlaceOrder { quantity: 0 }).await.unwrap_err();
    mediator.send(GetMenu).await.unwrap();

    let series = series(&snapshotter);
    for (name, expected) in [
        ("mediator_requests_total{request=GetMenu,kind=query}", 1),
        (
            "mediator_requests_total{request=PlaceOrder,kind=command}",
            3,
        ),
        (
            "mediator_request_outcomes_total{request=PlaceOrder,kind=command,outcome=success,status=201}",
            2,
        ),
        (
            "mediator_request_outcomes_total{request=PlaceOrder,kind=command,outcome=failure,status=400}",
            1,
        ),
        (
            "mediator_request_outcomes_total{request=GetMenu,kind=query,outcome=success,status=200}",
            1,
        ),
    ] {
        assert_eq!(counter(&series, name), expected, "{name}");
    }
}

#[tokio::test]
async fn every_request_is_timed_in_seconds() {
    let recorder = DebuggingRecorder::new();
    let snapshotter = recorder.snapshotter();
    let _local = metrics::set_default_local_recorder(&recorder);
    let mediator = measured(&Journal::default());

    mediator.send(PlaceOrder { quantity: 1 }).await.unwrap();
    mediator.send(PlaceOrder { quantity: 0 }).await.unwrap_err();

    let timings = snapshotter
        .snapshot()
        .into_vec()
        .into_iter()
        .find(|(key, ..)| {
            key.kind() == MetricKind::Histogram
                && name_of(key)
                    == "mediator_request_duration_seconds{request=PlaceOrder,kind=command}"
        })
        .map(|(.., value)| value);
    let Some(DebugValue::Histogram(seconds)) = timings else {
        panic!("no duration histogram: {timings:?}");
    };
    assert_eq!(seconds.len(), 2);
    // The handlers answer at once: well under a second, and not nothing.
    assert!(
        seconds.iter().all(|s| s.0 >= 0.0 && s.0 < 1.0),
        "{seconds:?}"
    );
}

#[tokio::test]
async fn events_and_their_failing_handlers_are_counted() {
    let recorder = DebuggingRecorder::new();
    let snapshotter = recorder.snapshotter();
    let _local = metrics::set_default_local_recorder(&recorder);
    let mediator = measured(&Journal::default());

    mediator.send(PlaceOrder { quantity: 1 }).await.unwrap();
    mediator.publish(OrderPlaced { order_id: 9 }).await;

    let series = series(&snapshotter);
    assert_eq!(
        counter(&series, "mediator_events_total{event=OrderPlaced}"),
        2
    );
    assert_eq!(
        counter(
            &series,
            "mediator_event_handler_failures_total{event=OrderPlaced,handler=BrokenSms}"
        ),
        2
    );
    assert!(
        !series.iter().any(|(name, _)| name.contains("RecordOrder")),
        "only failures are counted"
    );
}
