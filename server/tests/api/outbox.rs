//! The outbox across a crash: a confirmation that could not be delivered before the
//! server was killed with SIGKILL is delivered, signed, by the next server process. The
//! CloudEvents sink gets every event, signed.

use crate::helpers::{client, fresh_database, valid_order};
use crate::server_process::{ServerProcess, free_port};
use axum::body::Bytes;
use axum::http::HeaderMap;
use axum::routing::post;
use hmac::{Hmac, Mac};
use reqwest::Method;
use serde_json::Value;
use sha2::Sha256;
use sqlx::AnyPool;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const SECRET: &str = "outbox-crash-secret-0001";

type Received = Arc<Mutex<Vec<(HeaderMap, Bytes)>>>;

/// Listens on 127.0.0.1:`port` and keeps every post to `/hook`.
async fn receiver_on(port: u16) -> Received {
    let got = Received::default();
    let keep = got.clone();
    let app = axum::Router::new().route(
        "/hook",
        post(move |headers: HeaderMap, body: Bytes| {
            let keep = keep.clone();
            async move {
                keep.lock().unwrap().push((headers, body));
                "ok"
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    got
}

/// Places the valid order through `server`; answers its id.
async fn place(server: &ServerProcess) -> String {
    let placed: Value = client()
        .post(format!("{}/api/orders", server.base))
        .json(&valid_order())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    placed["order_id"].as_str().unwrap().to_owned()
}

/// How many of the outbox's messages have been tried and failed.
async fn failed_tries(database_url: &str) -> i64 {
    sqlx::any::install_default_drivers();
    let pool = AnyPool::connect(database_url).await.unwrap();
    let (tried,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM outbox WHERE attempts > 0 AND status = 'pending'")
            .fetch_one(&pool)
            .await
            .unwrap();
    pool.close().await;
    tried
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_undelivered_when_the_server_is_killed_is_delivered_after_the_restart() {
    let (database_url, _data) = fresh_database().await;
    let hook_port = free_port();
    let url = format!("http://127.0.0.1:{hook_port}/hook");
    let env = [
        ("NOTIFY_CHANNELS", "webhook"),
        ("NOTIFY_WEBHOOK_URL", url.as_str()),
        ("NOTIFY_WEBHOOK_SECRET", SECRET),
    ];
    let server = ServerProcess::start_with(&database_url, free_port(), &env).await;
    let order_id = place(&server).await;
    // Nothing listens on the hook's port yet: wait until both messages failed once.
    let deadline = Instant::now() + Duration::from_secs(20);
    while failed_tries(&database_url).await < 2 {
        assert!(Instant::now() < deadline, "the dispatcher never tried");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    server.kill();

    let got = receiver_on(hook_port).await;
    let _restarted = ServerProcess::start_with(&database_url, free_port(), &env).await;
    let deadline = Instant::now() + Duration::from_secs(30);
    while got.lock().unwrap().len() < 2 {
        assert!(
            Instant::now() < deadline,
            "nothing arrived after the restart"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    let got = got.lock().unwrap().clone();
    let confirmation = got
        .iter()
        .find_map(|(headers, body)| {
            let message: Value = serde_json::from_slice(body).unwrap();
            (message["kind"] == "order_confirmed").then_some((
                headers.clone(),
                body.clone(),
                message,
            ))
        })
        .expect("the customer's confirmation arrived");
    let (headers, body, message) = confirmation;
    assert_eq!(message["order_id"], order_id.as_str());
    assert_eq!(
        headers["x-pizzeria-signature"].to_str().unwrap(),
        signed(SECRET, &body)
    );
    assert_eq!(
        headers["x-pizzeria-message-id"].to_str().unwrap(),
        message["id"]
    );
}

/// HMAC-SHA256 of `body` with `secret`, as the signature header carries it.
fn signed(secret: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_event_is_published_to_the_cloudevents_sink_signed() {
    let (database_url, _data) = fresh_database().await;
    let sink_port = free_port();
    let got = receiver_on(sink_port).await;
    let url = format!("http://127.0.0.1:{sink_port}/hook");
    let env = [
        ("CLOUDEVENTS_SINK_URL", url.as_str()),
        ("CLOUDEVENTS_SINK_SECRET", SECRET),
    ];
    let server = ServerProcess::start_with(&database_url, free_port(), &env).await;
    let order_id = place(&server).await;

    let deadline = Instant::now() + Duration::from_secs(20);
    let published = loop {
        let events: Vec<(HeaderMap, Value)> = got
            .lock()
            .unwrap()
            .iter()
            .map(|(headers, body)| {
                assert_eq!(
                    headers["x-pizzeria-signature"].to_str().unwrap(),
                    signed(SECRET, body)
                );
                (headers.clone(), serde_json::from_slice(body).unwrap())
            })
            .collect();
        if events.iter().any(|(_, event)| {
            event["subject"] == order_id && event["type"] == "pizzeria.order.placed.v1"
        }) {
            break events;
        }
        assert!(Instant::now() < deadline, "the order was never published");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };

    let (headers, event) = published
        .iter()
        .find(|(_, event)| event["type"] == "pizzeria.order.placed.v1")
        .unwrap();
    assert_eq!(
        headers["content-type"].to_str().unwrap(),
        "application/cloudevents+json"
    );
    assert_eq!(event["specversion"], "1.0");
    assert_eq!(event["subject"], order_id.as_str());
    assert_eq!(event["source"], "/pizzeria");
    assert_eq!(event["data"]["order_id"], order_id.as_str());
    let id = event["id"].as_str().unwrap();
    assert_eq!(
        headers["x-pizzeria-message-id"].to_str().unwrap(),
        format!("{id}-cloud_event")
    );
    // Not only orders: the card's payment, and the menu seeded at the first start.
    assert!(published.iter().any(|(_, event)| {
        event["type"] == "pizzeria.payment.captured.v1" && event["subject"] == order_id
    }));
    assert!(
        published
            .iter()
            .any(|(_, event)| event["type"] == "pizzeria.pizza.added.v1"),
        "{published:?}"
    );
    // The customer's messages do not go to the sink.
    assert!(published.iter().all(|(_, event)| event["kind"].is_null()));
}

#[tokio::test]
async fn only_managers_see_and_retry_dead_messages() {
    let app = crate::helpers::spawn_app().await;
    let chef = app.session_of("chef").await;
    let manager = app.session_of("manager").await;
    let anonymous = app.call(Method::GET, "/api/outbox/dead", None, None).await;
    crate::helpers::assert_problem(anonymous, 401).await;
    let by_chef = app
        .call(Method::GET, "/api/outbox/dead", Some(&chef), None)
        .await;
    crate::helpers::assert_problem(by_chef, 403).await;
    let listed = app
        .call(Method::GET, "/api/outbox/dead", Some(&manager), None)
        .await;
    assert_eq!(listed.status(), 200);
    assert_eq!(listed.json::<Value>().await.unwrap(), serde_json::json!([]));
    let path = "/api/outbox/0-order_confirmed/retry";
    let unknown = app.call(Method::POST, path, Some(&manager), None).await;
    crate::helpers::assert_problem(unknown, 404).await;
    let by_chef = app.call(Method::POST, path, Some(&chef), None).await;
    crate::helpers::assert_problem(by_chef, 403).await;
}
