//! The `Metrics` behavior and its registry: counters per request type and status, a
//! duration histogram, event handler failures, all rendered as valid Prometheus text.

mod common;

use common::*;
use mediator::{Mediator, Metrics, MetricsRegistry};
use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

fn measured(journal: &Journal) -> (Mediator, Arc<MetricsRegistry>) {
    let registry = Arc::new(MetricsRegistry::new());
    let mediator = Mediator::builder()
        .behavior(Metrics::new(registry.clone()))
        .handler::<PlaceOrder, _>(PlaceOrderHandler(journal.clone()))
        .handler::<GetMenu, _>(GetMenuHandler(journal.clone()))
        .event_handler::<OrderPlaced, _>(RecordOrder("kitchen", journal.clone()))
        .event_handler::<OrderPlaced, _>(BrokenSms)
        .build()
        .unwrap();
    (mediator, registry)
}

fn lines(text: &str) -> HashSet<&str> {
    text.lines().collect()
}

#[tokio::test]
async fn requests_are_counted_by_type_kind_and_outcome_status() {
    let (mediator, registry) = measured(&Journal::default());

    mediator.send(PlaceOrder { quantity: 1 }).await.unwrap();
    mediator.send(PlaceOrder { quantity: 2 }).await.unwrap();
    mediator.send(PlaceOrder { quantity: 0 }).await.unwrap_err();
    mediator.send(GetMenu).await.unwrap();

    let text = registry.render_prometheus();
    let lines = lines(&text);
    for expected in [
        r#"mediator_requests_total{request="GetMenu",kind="query"} 1"#,
        r#"mediator_requests_total{request="PlaceOrder",kind="command"} 3"#,
        r#"mediator_request_outcomes_total{request="PlaceOrder",kind="command",outcome="success",status="201"} 2"#,
        r#"mediator_request_outcomes_total{request="PlaceOrder",kind="command",outcome="failure",status="400"} 1"#,
        r#"mediator_request_outcomes_total{request="GetMenu",kind="query",outcome="success",status="200"} 1"#,
        r#"mediator_request_duration_seconds_count{request="PlaceOrder",kind="command"} 3"#,
    ] {
        assert!(lines.contains(expected), "missing {expected} in\n{text}");
    }
}

#[test]
fn durations_fill_a_cumulative_histogram_with_an_exact_sum() {
    let registry = MetricsRegistry::new();

    registry.record_request::<GetMenu>(200, Duration::from_micros(500));
    registry.record_request::<GetMenu>(200, Duration::from_millis(3));
    registry.record_request::<GetMenu>(503, Duration::from_secs(7));

    let text = registry.render_prometheus();
    let lines = lines(&text);
    let series = r#"request="GetMenu",kind="query""#;
    for expected in [
        format!(r#"mediator_request_duration_seconds_bucket{{{series},le="0.001"}} 1"#),
        format!(r#"mediator_request_duration_seconds_bucket{{{series},le="0.0025"}} 1"#),
        format!(r#"mediator_request_duration_seconds_bucket{{{series},le="0.005"}} 2"#),
        format!(r#"mediator_request_duration_seconds_bucket{{{series},le="5"}} 2"#),
        format!(r#"mediator_request_duration_seconds_bucket{{{series},le="+Inf"}} 3"#),
        format!(r#"mediator_request_duration_seconds_sum{{{series}}} 7.003500000"#),
        format!(r#"mediator_request_duration_seconds_count{{{series}}} 3"#),
    ] {
        assert!(
            lines.contains(expected.as_str()),
            "missing {expected} in\n{text}"
        );
    }
}

#[tokio::test]
async fn events_and_their_failing_handlers_are_counted() {
    let (mediator, registry) = measured(&Journal::default());

    mediator.send(PlaceOrder { quantity: 1 }).await.unwrap();
    mediator.publish(OrderPlaced { order_id: 9 }).await;

    let text = registry.render_prometheus();
    let lines = lines(&text);
    for expected in [
        r#"mediator_events_total{event="OrderPlaced"} 2"#,
        r#"mediator_event_handler_failures_total{event="OrderPlaced",handler="BrokenSms"} 2"#,
    ] {
        assert!(lines.contains(expected), "missing {expected} in\n{text}");
    }
    assert!(!text.contains("RecordOrder"), "only failures are listed");
}

#[tokio::test]
async fn the_text_follows_the_prometheus_exposition_format() {
    let (mediator, registry) = measured(&Journal::default());
    mediator.send(PlaceOrder { quantity: 1 }).await.unwrap();
    mediator.send(GetMenu).await.unwrap();

    let text = registry.render_prometheus();

    assert!(text.ends_with('\n'));
    let mut typed: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(help) = line.strip_prefix("# HELP ") {
            assert!(help.split_once(' ').is_some(), "HELP without text: {line}");
        } else if let Some(declared) = line.strip_prefix("# TYPE ") {
            let (family, kind) = declared.split_once(' ').unwrap();
            assert!(["counter", "histogram"].contains(&kind), "{line}");
            assert!(
                !typed.iter().any(|(known, _)| known == family),
                "{family} twice"
            );
            typed.push((family.to_owned(), kind.to_owned()));
        } else {
            let (family, kind) = typed.last().expect("a sample before any TYPE");
            check_sample(line, family, kind);
        }
    }
    assert_eq!(typed.len(), 5, "{typed:?}");
}

/// One sample line: `name{label="value",...} number`, with a name its family allows.
fn check_sample(line: &str, family: &str, kind: &str) {
    let (series, value) = line.rsplit_once(' ').unwrap();
    value
        .parse::<f64>()
        .unwrap_or_else(|_| panic!("bad value: {line}"));
    let (name, labels) = series.split_once('{').unwrap();
    let allowed = match kind {
        "histogram" => ["_bucket", "_sum", "_count"].map(|suffix| format!("{family}{suffix}")),
        _ => [family, family, family].map(str::to_owned),
    };
    assert!(allowed.iter().any(|n| n == name), "{name} outside {family}");
    let labels = labels.strip_suffix('}').unwrap();
    for label in labels.split(',') {
        let (key, quoted) = label.split_once('=').unwrap();
        assert!(
            key.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "{line}"
        );
        assert!(quoted.len() >= 2 && quoted.starts_with('"') && quoted.ends_with('"'));
    }
}
