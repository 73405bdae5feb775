//! `GET /metrics`: the process's metrics in Prometheus text format, for a manager or the
//! holder of the metrics token only, and on `METRICS_ADDR` for anyone who reaches it.
//! Counts are read from a server process of its own: the in-process test servers of
//! this binary share one recorder.

use crate::helpers::{assert_problem, cash_order, client, fresh_database, spawn_app, valid_order};
use crate::server_process::{ServerProcess, free_port};
use reqwest::Method;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

#[tokio::test]
async fn metrics_are_for_a_manager_or_the_token_holder_only() {
    let app = spawn_app().await;
    assert_problem(app.get("/metrics").await, 401).await;
    let wrong = app
        .client
        .get(format!("{}/metrics", app.address))
        .bearer_auth("metrics-test-tokeN")
        .send()
        .await
        .unwrap();
    assert_problem(wrong, 401).await;
    let chef = app.session_of("chef").await;
    let as_chef = app.call(Method::GET, "/metrics", Some(&chef), None).await;
    assert_problem(as_chef, 403).await;
    let manager = app.session_of("manager").await;
    let as_manager = app
        .call(Method::GET, "/metrics", Some(&manager), None)
        .await;
    assert_eq!(as_manager.status(), 200);
    assert_eq!(app.metrics().await.status(), 200);
}

/// A server process whose metrics only this test's requests move, served without
/// sign-in on `METRICS_ADDR` as well.
struct Measured {
    server: ServerProcess,
    metrics_url: String,
    _data: Option<tempfile::TempDir>,
}

impl Measured {
    async fn start() -> Self {
        let (database_url, data) = fresh_database().await;
        let metrics_port = free_port();
        let metrics_addr = format!("127.0.0.1:{metrics_port}");
        let server = ServerProcess::start_with(
            &database_url,
            free_port(),
            &[("METRICS_ADDR", &metrics_addr)],
        )
        .await;
        Self {
            server,
            metrics_url: format!("http://{metrics_addr}/metrics"),
            _data: data,
        }
    }

    async fn text(&self) -> String {
        let response = client().get(&self.metrics_url).send().await.unwrap();
        assert_eq!(response.status(), 200);
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/plain")
        );
        response.text().await.unwrap()
    }

    /// The value of the one sample whose line starts with `series` (name and labels).
    async fn value(&self, series: &str) -> f64 {
        let text = self.text().await;
        sample(&text, series).unwrap_or_else(|| panic!("no {series} in\n{text}"))
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.base)
    }

    /// Sends `order` to `POST /api/orders`.
    async fn place(&self, order: &Value) -> reqwest::Response {
        client()
            .post(self.url("/api/orders"))
            .json(order)
            .send()
            .await
            .unwrap()
    }
}

fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find(|line| line.starts_with(series))
        .and_then(|line| line.rsplit_once(' '))
        .map(|(_, value)| value.parse().unwrap())
}

#[tokio::test]
async fn requests_are_counted_by_type_route_and_outcome() {
    let measured = Measured::start().await;
    let client = client();
    let placed = measured.place(&valid_order()).await;
    assert_eq!(placed.status(), 201);
    let mut invalid = valid_order();
    invalid["customer_phone"] = json!("12");
    let refused = measured.place(&invalid).await;
    assert_eq!(refused.status(), 422);
    let unknown = client
        .get(measured.url("/no-such-page-7f3a"))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 404);

    let text = measured.text().await;
    let count =
        |series: &str| sample(&text, series).unwrap_or_else(|| panic!("no {series}\n{text}"));
    assert_eq!(
        count(r#"mediator_requests_total{request="PlaceOrder",kind="command"}"#),
        2.0
    );
    for status in ["201", "422"] {
        let series = format!(
            r#"mediator_request_outcomes_total{{request="PlaceOrder",kind="command",outcome="{}",status="{status}"}}"#,
            if status == "201" {
                "success"
            } else {
                "failure"
            }
        );
        assert_eq!(count(&series), 1.0, "{series}");
        let series = format!(
            r#"http_request_duration_seconds_count{{method="POST",route="/api/orders",status="{status}"}}"#
        );
        assert_eq!(count(&series), 1.0, "{series}");
    }
    assert!(text.contains(r#"mediator_request_duration_seconds_bucket{request="PlaceOrder",kind="command",le="0.005"}"#));
    // A path no route knows is one series, whatever the path.
    assert!(
        text.contains(r#"route="(unmatched)",status="404""#),
        "{text}"
    );
    assert!(!text.contains("no-such-page"), "{text}");
    assert!(count(r#"db_pool_connections{state="idle"}"#) >= 0.0);
    assert_eq!(count("db_write_queue"), 0.0);
}

#[tokio::test]
async fn every_projected_event_counts_in_the_projection_lag_and_moves_the_position() {
    let measured = Measured::start().await;
    let before = measured.value("projection_lag_seconds_count").await;
    let client = client();
    for _ in 0..3 {
        // Cash: one event per order.
        let response = measured.place(&cash_order()).await;
        assert_eq!(response.status(), 201);
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        // Answered once the views hold the order, so its lag is recorded.
        let read = client.get(measured.url(&location)).send().await.unwrap();
        assert_eq!(read.status(), 200);
    }
    assert_eq!(
        measured.value("projection_lag_seconds_count").await,
        before + 3.0
    );
    let text = measured.text().await;
    let position = sample(&text, "projector_position ").expect("a position");
    let batches = sample(&text, "projector_batch_events_count").expect("batch sizes");
    let events = sample(&text, "projector_batch_events_sum").expect("batch sizes");
    assert!(position >= 3.0, "{text}");
    assert!(batches >= 1.0 && events >= 3.0, "{text}");
}

#[tokio::test]
async fn open_event_streams_are_counted_while_open() {
    let measured = Measured::start().await;
    let placed: serde_json::Value = measured.place(&valid_order()).await.json().await.unwrap();
    let order_id = placed["order_id"].as_str().unwrap();
    let stream = client()
        .get(measured.url(&format!("/api/orders/{order_id}/stream")))
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), 200);
    assert_eq!(measured.value("sse_streams_open").await, 1.0);
    drop(stream);
    let deadline = Instant::now() + Duration::from_secs(10);
    while measured.value("sse_streams_open").await != 0.0 {
        assert!(
            Instant::now() < deadline,
            "the closed stream is still counted"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn the_text_follows_the_prometheus_exposition_format() {
    let measured = Measured::start().await;
    let placed = measured.place(&valid_order()).await;
    assert_eq!(placed.status(), 201);
    // Unsigned on the main address, still refused.
    let main = client().get(measured.url("/metrics")).send().await.unwrap();
    assert_eq!(main.status(), 401);

    let text = measured.text().await;
    assert!(text.ends_with('\n'));
    let mut typed: Vec<(String, String)> = Vec::new();
    for line in text.lines().filter(|line| !line.is_empty()) {
        if let Some(help) = line.strip_prefix("# HELP ") {
            assert!(help.split_once(' ').is_some(), "HELP without text: {line}");
        } else if let Some(declared) = line.strip_prefix("# TYPE ") {
            let (family, kind) = declared.split_once(' ').unwrap();
            assert!(["counter", "gauge", "histogram"].contains(&kind), "{line}");
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
    for family in [
        "http_request_duration_seconds",
        "mediator_requests_total",
        "projection_lag_seconds",
        "db_pool_connections",
    ] {
        assert!(
            typed.iter().any(|(known, _)| known == family),
            "no {family}"
        );
    }
}

/// One sample line: `name{label="value",...} number` or `name number`, with a name its
/// family allows.
fn check_sample(line: &str, family: &str, kind: &str) {
    let (series, value) = line.rsplit_once(' ').unwrap();
    value
        .parse::<f64>()
        .unwrap_or_else(|_| panic!("bad value: {line}"));
    let (name, labels) = series.split_once('{').unwrap_or((series, "}"));
    let allowed = match kind {
        "histogram" => vec![
            format!("{family}_bucket"),
            format!("{family}_sum"),
            format!("{family}_count"),
        ],
        _ => vec![family.to_owned()],
    };
    assert!(allowed.iter().any(|n| n == name), "{name} outside {family}");
    let labels = labels.strip_suffix('}').unwrap();
    for label in labels.split(',').filter(|label| !label.is_empty()) {
        let (key, quoted) = label.split_once('=').unwrap();
        assert!(
            key.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "{line}"
        );
        assert!(quoted.len() >= 2 && quoted.starts_with('"') && quoted.ends_with('"'));
    }
}
