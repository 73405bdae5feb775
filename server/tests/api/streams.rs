//! Live updates over Server-Sent Events: `GET /api/stream/kitchen` (staff) and
//! `GET /api/orders/{id}/stream` (anyone), read with a small SSE parser over reqwest's
//! chunks. Every wait is bounded, so a missing message fails the test instead of
//! hanging it.

use crate::helpers::{
    TestApp, assert_problem, cash_order, error_fields, spawn_app, spawn_stoppable_app,
};
use reqwest::{Method, Response};
use serde_json::{Value, json};
use std::time::Duration;
use tokio::time::timeout;

/// Longest any message may take to arrive.
const WAIT: Duration = Duration::from_secs(5);

/// One block of an event stream: a message, a `retry` hint or a keep-alive comment.
#[derive(Debug, Default)]
struct Block {
    event: Option<String>,
    id: Option<String>,
    data: Option<String>,
    retry: Option<u64>,
}

impl Block {
    fn parse(text: &str) -> Self {
        let mut block = Block::default();
        for line in text.lines() {
            let (field, value) = line.split_once(':').unwrap_or((line, ""));
            let value = value.strip_prefix(' ').unwrap_or(value).to_owned();
            match field {
                "event" => block.event = Some(value),
                "id" => block.id = Some(value),
                "data" => block.data = Some(value),
                "retry" => block.retry = value.parse().ok(),
                _ => {} // a comment ("" before the colon) or an unknown field
            }
        }
        block
    }
}

/// An order update as received: the message's id and its JSON data.
#[derive(Debug)]
struct Update {
    id: i64,
    data: Value,
}

/// An open event stream and what arrived of it but is not parsed yet.
struct EventStream {
    response: Response,
    buffer: Vec<u8>,
}

impl EventStream {
    /// Takes a 200 `text/event-stream` response.
    fn new(response: Response) -> Self {
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-type"], "text/event-stream");
        Self {
            response,
            buffer: Vec::new(),
        }
    }

    /// The next block, or `None` once the stream ended.
    async fn block(&mut self) -> Option<Block> {
        loop {
            if let Some(end) = self.buffer.windows(2).position(|pair| pair == b"\n\n") {
                let block: Vec<u8> = self.buffer.drain(..end + 2).collect();
                return Some(Block::parse(std::str::from_utf8(&block).unwrap()));
            }
            let chunk = self.response.chunk().await.expect("the stream reads")?;
            self.buffer.extend_from_slice(&chunk);
        }
    }

    /// The next order update; fails the test after [`WAIT`] or at the stream's end.
    async fn next(&mut self) -> Update {
        let next = async {
            loop {
                let block = self.block().await.expect("the stream is still open");
                if let Some(data) = block.data {
                    assert_eq!(block.event.as_deref(), Some("order"));
                    let id = block.id.expect("an id").parse().expect("a numeric id");
                    return Update {
                        id,
                        data: serde_json::from_str(&data).expect("JSON data"),
                    };
                }
            }
        };
        timeout(WAIT, next).await.expect("an update in time")
    }

    /// The next `n` updates' ids and statuses.
    async fn statuses(&mut self, n: usize) -> Vec<(i64, String)> {
        let mut statuses = Vec::new();
        for _ in 0..n {
            let update = self.next().await;
            assert_eq!(update.data["position"], update.id, "id = position");
            let status = update.data["status"].as_str().unwrap().to_owned();
            statuses.push((update.id, status));
        }
        statuses
    }
}

/// `GET path` as the holder of `cookie`, with extra `headers`.
async fn get(
    app: &TestApp,
    path: &str,
    cookie: Option<&str>,
    headers: &[(&str, &str)],
) -> Response {
    let mut request = app.client.get(format!("{}{path}", app.address));
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    timeout(WAIT, request.send())
        .await
        .expect("headers in time")
        .expect("request sent")
}

/// Opens `path` as an event stream, with extra `headers`.
async fn open(
    app: &TestApp,
    path: &str,
    cookie: Option<&str>,
    headers: &[(&str, &str)],
) -> EventStream {
    EventStream::new(get(app, path, cookie, headers).await)
}

/// Sends a lifecycle step (`cook`, `ready`, `assign`, ...) as `cookie`; returns the
/// position of its event.
async fn step(app: &TestApp, cookie: &str, order_id: &str, verb: &str, body: Option<Value>) -> i64 {
    let path = format!("/api/orders/{order_id}/{verb}");
    let response = app
        .call(Method::PUT, &path, Some(cookie), body.as_ref())
        .await;
    assert_eq!(response.status(), 200, "{verb}");
    response.json::<Value>().await.unwrap()["position"]
        .as_i64()
        .unwrap()
}

/// Places the valid order; returns its id and the position of its event.
/// Places a cash order: one event, and a cancel that appends one too (a card order's
/// cancel also refunds it, and answers the refund's position).
async fn place(app: &TestApp) -> (String, i64) {
    let placed = app.place(&cash_order()).await;
    let id = placed["order_id"].as_str().unwrap().to_owned();
    (id, placed["position"].as_i64().unwrap())
}

fn pairs(expected: &[(i64, &str)]) -> Vec<(i64, String)> {
    expected
        .iter()
        .map(|(id, status)| (*id, (*status).to_owned()))
        .collect()
}

#[tokio::test]
async fn the_kitchen_stream_is_for_signed_in_staff_and_is_never_compressed() {
    let app = spawn_app().await;
    let anonymous = get(&app, "/api/stream/kitchen", None, &[]).await;
    assert_problem(anonymous, 401).await;
    for staff in ["chef", "driver", "manager"] {
        let cookie = app.session_of(staff).await;
        let headers = [("accept-encoding", "gzip, br")];
        let response = get(&app, "/api/stream/kitchen", Some(&cookie), &headers).await;
        assert!(
            response.headers().get("content-encoding").is_none(),
            "{staff}"
        );
        assert_eq!(response.headers()["cache-control"], "no-cache");
        let mut stream = EventStream::new(response);
        let first = timeout(WAIT, stream.block()).await.unwrap().unwrap();
        assert_eq!(first.retry, Some(2000), "a reconnection hint first");
    }
}

#[tokio::test]
async fn a_placed_order_arrives_on_the_kitchen_stream_with_its_position_as_id() {
    let app = spawn_app().await;
    let chef = app.session_of("chef").await;
    let mut kitchen = open(&app, "/api/stream/kitchen", Some(&chef), &[]).await;
    let (order_id, position) = place(&app).await;

    let update = kitchen.next().await;
    let details: Value = app
        .get(&format!("/api/orders/{order_id}?min_position={position}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(update.id, position);
    assert_eq!(
        update.data,
        json!({
            "position": position,
            "order_id": order_id,
            "status": "pending",
            "at": details["created_at"],
            "note": null,
        })
    );
}

#[tokio::test]
async fn an_order_stream_carries_every_status_of_that_order_in_order() {
    let app = spawn_app().await;
    let (chef, driver) = (app.session_of("chef").await, app.session_of("driver").await);
    let (order_id, placed) = place(&app).await;
    place(&app).await; // another order, which this stream must not carry
    // Connecting after the order was placed still starts from its first event.
    let mut stream = open(&app, &format!("/api/orders/{order_id}/stream"), None, &[]).await;
    let cooking = step(&app, &chef, &order_id, "cook", None).await;
    let ready = step(&app, &chef, &order_id, "ready", None).await;
    let driver_body = json!({"driver": "driver"});
    let delivering = step(&app, &driver, &order_id, "assign", Some(driver_body)).await;

    let statuses = stream.statuses(3).await;
    assert_eq!(
        statuses,
        pairs(&[(placed, "pending"), (cooking, "cooking"), (ready, "ready")])
    );
    let update = stream.next().await;
    assert_eq!(update.id, delivering);
    assert_eq!(
        (
            &update.data["status"],
            &update.data["note"],
            &update.data["order_id"]
        ),
        (&json!("delivering"), &json!("driver"), &json!(order_id))
    );
}

#[tokio::test]
async fn a_reconnect_with_last_event_id_gets_exactly_the_missed_updates() {
    let app = spawn_app().await;
    let chef = app.session_of("chef").await;
    let (order_id, placed) = place(&app).await;
    let path = format!("/api/orders/{order_id}/stream");
    let mut first = open(&app, &path, None, &[]).await;
    assert_eq!(first.next().await.id, placed);
    drop(first);

    let cooking = step(&app, &chef, &order_id, "cook", None).await;
    let ready = step(&app, &chef, &order_id, "ready", None).await;
    let last = placed.to_string();
    let mut again = open(&app, &path, None, &[("last-event-id", &last)]).await;
    assert_eq!(
        again.statuses(2).await,
        pairs(&[(cooking, "cooking"), (ready, "ready")])
    );
    // Live again, with nothing repeated: the next message is the next change.
    let body = json!({"reason": "the customer called"});
    let cancelled = step(&app, &chef, &order_id, "cancel", Some(body)).await;
    assert_eq!(again.statuses(1).await, pairs(&[(cancelled, "cancelled")]));

    // The same on the kitchen stream, across orders.
    let mut kitchen = open(&app, "/api/stream/kitchen", Some(&chef), &[]).await;
    let (_, a) = place(&app).await;
    assert_eq!(kitchen.next().await.id, a);
    drop(kitchen);
    let (_, b) = place(&app).await;
    let (_, c) = place(&app).await;
    let last = a.to_string();
    let headers = [("last-event-id", last.as_str())];
    let mut kitchen = open(&app, "/api/stream/kitchen", Some(&chef), &headers).await;
    let (_, d) = place(&app).await;
    assert_eq!(
        kitchen.statuses(3).await,
        pairs(&[(b, "pending"), (c, "pending"), (d, "pending")])
    );
}

#[tokio::test]
async fn after_starts_a_stream_after_that_position_and_last_event_id_wins_over_it() {
    let app = spawn_app().await;
    let chef = app.session_of("chef").await;
    let (first, one) = place(&app).await;
    let (_, two) = place(&app).await;
    let cooking = step(&app, &chef, &first, "cook", None).await;

    let mut kitchen = open(&app, "/api/stream/kitchen?after=0", Some(&chef), &[]).await;
    assert_eq!(
        kitchen.statuses(3).await,
        pairs(&[(one, "pending"), (two, "pending"), (cooking, "cooking")])
    );
    let path = format!("/api/orders/{first}/stream?after={one}");
    let mut order = open(&app, &path, None, &[]).await;
    assert_eq!(order.statuses(1).await, pairs(&[(cooking, "cooking")]));

    let path = format!("/api/stream/kitchen?after={cooking}");
    let last = one.to_string();
    let headers = [("last-event-id", last.as_str())];
    let mut resumed = open(&app, &path, Some(&chef), &headers).await;
    assert_eq!(resumed.next().await.id, two, "Last-Event-ID is what counts");
}

#[tokio::test]
async fn a_resume_position_that_is_not_a_position_is_a_400_naming_it() {
    let app = spawn_app().await;
    let chef = app.session_of("chef").await;
    let (order_id, _) = place(&app).await;
    let order = format!("/api/orders/{order_id}/stream");
    for path in ["/api/stream/kitchen", order.as_str()] {
        for bad in ["abc", "-1", "1.5"] {
            let headers = [("last-event-id", bad)];
            let response = get(&app, path, Some(&chef), &headers).await;
            let problem = assert_problem(response, 400).await;
            assert_eq!(error_fields(&problem), ["Last-Event-ID"], "{path} {bad}");

            let response = get(&app, &format!("{path}?after={bad}"), Some(&chef), &[]).await;
            let problem = assert_problem(response, 400).await;
            assert_eq!(error_fields(&problem), ["after"], "{path} {bad}");
        }
    }
}

#[tokio::test]
async fn an_unknown_order_has_no_stream_and_a_malformed_id_is_a_400() {
    let app = spawn_app().await;
    let unknown = format!("/api/orders/{}/stream", uuid::Uuid::new_v4());
    assert_problem(get(&app, &unknown, None, &[]).await, 404).await;
    let malformed = get(&app, "/api/orders/not-a-uuid/stream", None, &[]).await;
    let problem = assert_problem(malformed, 400).await;
    assert_eq!(error_fields(&problem), ["order_id"]);
}

#[tokio::test]
async fn open_streams_end_when_the_server_shuts_down() {
    let server = spawn_stoppable_app().await;
    let app = &server.app;
    let chef = app.session_of("chef").await;
    let (order_id, _) = place(app).await;
    let mut kitchen = open(app, "/api/stream/kitchen", Some(&chef), &[]).await;
    let mut order = open(app, &format!("/api/orders/{order_id}/stream"), None, &[]).await;
    order.next().await;

    server.stop.send(()).unwrap();
    let stopped = timeout(WAIT, server.serving).await;
    stopped
        .expect("graceful shutdown finishes")
        .unwrap()
        .unwrap();
    for stream in [&mut kitchen, &mut order] {
        let end = timeout(WAIT, async { while stream.block().await.is_some() {} });
        end.await.expect("the stream ended");
    }
}
