//! The outbox against a real database (SQLite, or PostgreSQL when `TEST_DATABASE_URL` is
//! set) and a webhook receiver on 127.0.0.1: what an order's events send, signed; what
//! waits while the receiver is down and arrives once it is back; what dies after the
//! last try; and that a refused order or an event replayed long after sends nothing.

use crate::events::StoredEvent;
use crate::outbox::channels::{MESSAGE_ID_HEADER, SIGNATURE_HEADER, signature};
use crate::outbox::projection::OutboxProjection;
use crate::outbox::store::purge_sent;
use crate::outbox::{Channels, Dispatcher, NotifyConfig, RetryPolicy, Webhook};
use crate::projections::Projection;
use crate::testing::{TestApp, an_order, place_order, test_app, test_card};
use app::contracts::{ListDeadMessages, PlaceOrder, RetryMessage, StartCooking};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use chrono::Utc;
use serde_json::Value;
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const SECRET: &str = "outbox-test-secret-0001";

/// A webhook receiver that answers `status` and keeps what it was sent.
#[derive(Clone)]
struct Receiver {
    status: Arc<AtomicU16>,
    got: Arc<Mutex<Vec<(HeaderMap, String)>>>,
}

impl Receiver {
    /// Listens on a free port; answers the URL to post to.
    async fn start() -> (Self, String) {
        let receiver = Self {
            status: Arc::new(AtomicU16::new(200)),
            got: Arc::default(),
        };
        let app = axum::Router::new()
            .route("/hook", post(take))
            .with_state(receiver.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        (receiver, url)
    }

    fn answer(&self, status: u16) {
        self.status.store(status, Ordering::SeqCst);
    }

    /// What it accepted (answered 2xx to), as JSON, with the signature checked.
    fn accepted(&self) -> Vec<Value> {
        self.got
            .lock()
            .unwrap()
            .iter()
            .map(|(headers, body)| {
                let signed = headers[SIGNATURE_HEADER].to_str().unwrap();
                assert_eq!(signed, signature(SECRET, body.as_bytes()));
                let message: Value = serde_json::from_str(body).unwrap();
                assert_eq!(headers[MESSAGE_ID_HEADER].to_str().unwrap(), message["id"]);
                message
            })
            .collect()
    }
}

async fn take(State(receiver): State<Receiver>, headers: HeaderMap, body: String) -> StatusCode {
    let status = StatusCode::from_u16(receiver.status.load(Ordering::SeqCst)).unwrap();
    if status.is_success() {
        receiver.got.lock().unwrap().push((headers, body));
    }
    status
}

fn dispatcher(app: &TestApp, url: &str, retry: RetryPolicy) -> Dispatcher {
    let config = NotifyConfig {
        log: true,
        webhook: Some(Webhook {
            url: url.to_owned(),
            secret: SECRET.to_owned(),
        }),
        smtp: None,
        sink: Some(Webhook {
            url: url.to_owned(),
            secret: SECRET.to_owned(),
        }),
    };
    Dispatcher {
        pool: app.pool.clone(),
        writer: app.services.writer.clone(),
        channels: Channels::new(config).unwrap(),
        retry,
        views: app.views.clone(),
    }
}

/// Retries 50 ms apart, `attempts` tries.
fn quick(attempts: i64) -> RetryPolicy {
    RetryPolicy {
        first_delay: Duration::from_millis(50),
        longest_delay: Duration::from_millis(50),
        attempts,
    }
}

async fn statuses(app: &TestApp) -> Vec<(String, String, i64)> {
    sqlx::query_as("SELECT kind, status, attempts FROM outbox ORDER BY id")
        .fetch_all(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_placed_order_is_confirmed_to_the_customer_and_the_kitchen_through_a_signed_webhook() {
    let app = test_app().await;
    let (receiver, url) = Receiver::start().await;
    let (order_id, position) = place_order(&app, "555 010 0600", &[("margherita", 2)]).await;
    app.views.wait_for(Some(position)).await.unwrap();

    let sent = dispatcher(&app, &url, quick(3)).send_due().await.unwrap();

    assert_eq!(sent, 2);
    let got = receiver.accepted();
    let of_kind = |kind: &str| got.iter().find(|m| m["kind"] == kind).unwrap().clone();
    let short = &order_id.simple().to_string()[..8];
    let confirmed = of_kind("order_confirmed");
    assert_eq!(confirmed["to"], "555 010 0600");
    let text = confirmed["text"].as_str().unwrap();
    assert!(
        text.starts_with(&format!("Order {short} confirmed! Total: $")),
        "{text}"
    );
    assert!(
        text.contains("Ready by: ") && text.ends_with(" UTC"),
        "{text}"
    );
    let kitchen = of_kind("kitchen_new_order");
    assert_eq!(kitchen["to"], "kitchen");
    assert_eq!(
        kitchen["text"],
        format!("New order {short}: 2 × Margherita (medium)")
    );
    assert!(
        statuses(&app)
            .await
            .iter()
            .all(|(_, status, _)| status == "sent")
    );
    // Sent once: nothing is due any more.
    assert_eq!(
        dispatcher(&app, &url, quick(3)).send_due().await.unwrap(),
        0
    );

    let cooking = app
        .mediator
        .send(StartCooking {
            order_id,
            minutes: None,
        })
        .await
        .unwrap();
    app.views
        .wait_for(Some(cooking.value.position))
        .await
        .unwrap();
    dispatcher(&app, &url, quick(3)).send_due().await.unwrap();
    let got = receiver.accepted();
    assert_eq!(got.len(), 3);
    assert_eq!(
        got[2]["text"],
        format!("Order {short}: Your pizza is in the oven.")
    );
}

#[tokio::test]
async fn with_the_receiver_down_messages_wait_and_arrive_once_it_is_back() {
    let app = test_app().await;
    let (receiver, url) = Receiver::start().await;
    receiver.answer(503);
    let (_, position) = place_order(&app, "555 010 0601", &[("pepperoni", 1)]).await;
    app.views.wait_for(Some(position)).await.unwrap();
    let dispatcher = dispatcher(&app, &url, quick(5));

    assert_eq!(dispatcher.send_due().await.unwrap(), 0);
    let waiting = statuses(&app).await;
    assert!(
        waiting
            .iter()
            .all(|(_, status, attempts)| status == "pending" && *attempts == 1),
        "{waiting:?}"
    );
    // Not due again before the delay.
    assert_eq!(dispatcher.send_due().await.unwrap(), 0);
    assert!(
        statuses(&app)
            .await
            .iter()
            .all(|(_, _, attempts)| *attempts == 1)
    );

    receiver.answer(200);
    tokio::time::sleep(Duration::from_millis(60)).await;
    assert_eq!(dispatcher.send_due().await.unwrap(), 2);
    assert_eq!(receiver.accepted().len(), 2);
    assert!(
        statuses(&app)
            .await
            .iter()
            .all(|(_, status, _)| status == "sent")
    );
    // Sent messages are purged once old enough, and only those.
    let writer = &app.services.writer;
    let an_hour_ago = Utc::now() - chrono::Duration::hours(1);
    assert_eq!(purge_sent(writer, an_hour_ago).await.unwrap(), 0);
    assert_eq!(purge_sent(writer, Utc::now()).await.unwrap(), 2);
    assert!(statuses(&app).await.is_empty());
}

#[tokio::test]
async fn a_message_is_dead_after_its_last_try_with_the_reason() {
    let app = test_app().await;
    let (receiver, url) = Receiver::start().await;
    receiver.answer(500);
    let (_, position) = place_order(&app, "555 010 0602", &[("pepperoni", 1)]).await;
    app.views.wait_for(Some(position)).await.unwrap();
    let dispatcher = dispatcher(&app, &url, quick(2));

    dispatcher.send_due().await.unwrap();
    tokio::time::sleep(Duration::from_millis(60)).await;
    dispatcher.send_due().await.unwrap();

    let rows: Vec<(String, i64, Option<String>)> =
        sqlx::query_as("SELECT status, attempts, last_error FROM outbox")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(rows.len(), 2);
    for (status, attempts, error) in rows {
        assert_eq!((status.as_str(), attempts), ("dead", 2));
        assert_eq!(
            error.as_deref(),
            Some("webhook answered 500 Internal Server Error")
        );
    }
    assert!(receiver.accepted().is_empty());

    // A manager sees them, with why, and sends one again once the receiver is back.
    let listed = app.mediator.send(ListDeadMessages).await.unwrap().value;
    assert_eq!(listed.len(), 2);
    let confirmation = listed
        .iter()
        .find(|message| message.kind == "order_confirmed")
        .unwrap();
    assert_eq!(confirmation.to, "555 010 0602");
    assert!(confirmation.text.contains("confirmed! Total: $"));
    assert_eq!(confirmation.attempts, 2);
    let retry = RetryMessage {
        id: confirmation.id.clone(),
    };
    app.mediator.send(retry.clone()).await.unwrap();
    receiver.answer(200);
    assert_eq!(dispatcher.send_due().await.unwrap(), 1);
    assert_eq!(receiver.accepted()[0]["kind"], "order_confirmed");
    assert_eq!(
        app.mediator
            .send(ListDeadMessages)
            .await
            .unwrap()
            .value
            .len(),
        1
    );
    let again = app.mediator.send(retry).await.unwrap_err();
    assert_eq!(again.code(), 409);
    let unknown = RetryMessage {
        id: "0-nothing".into(),
    };
    assert_eq!(app.mediator.send(unknown).await.unwrap_err().code(), 404);
}

#[tokio::test]
async fn a_refused_order_sends_nothing() {
    let app = test_app().await;
    let declined = PlaceOrder {
        card: Some(test_card("4000 0000 0000 0002")),
        ..an_order("555 010 0603", &[("margherita", 1)])
    };
    let refused = app.mediator.send(declined).await.unwrap_err();
    assert_eq!(refused.code(), 402);
    // Something committed after it, so the projector has passed where it would be.
    let (_, position) = place_order(&app, "555 010 0604", &[("margherita", 1)]).await;
    app.views.wait_for(Some(position)).await.unwrap();

    let recipients: Vec<(String,)> = sqlx::query_as("SELECT DISTINCT recipient FROM outbox")
        .fetch_all(&app.pool)
        .await
        .unwrap();

    let recipients: Vec<String> = recipients.into_iter().map(|(to,)| to).collect();
    assert!(
        !recipients.contains(&"555 010 0603".to_owned()),
        "{recipients:?}"
    );
    assert!(
        recipients.contains(&"555 010 0604".to_owned()),
        "{recipients:?}"
    );
}

#[tokio::test]
async fn an_event_applied_long_after_it_happened_sends_nothing_and_one_applied_twice_sends_once() {
    let app = test_app().await;
    let (_, position) = place_order(&app, "555 010 0605", &[("margherita", 1)]).await;
    app.views.wait_for(Some(position)).await.unwrap();
    let stored: StoredEvent = crate::events::read_after(&app.pool, position - 1, 1)
        .await
        .unwrap()
        .remove(0);
    let old = StoredEvent {
        position: stored.position + 1_000,
        recorded_at: Utc::now() - chrono::Duration::hours(2),
        ..stored.clone()
    };

    let mut tx = app.services.writer.begin().await.unwrap();
    OutboxProjection::default()
        .apply_all(&mut tx, &[stored, old])
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let kinds: Vec<String> = statuses(&app)
        .await
        .into_iter()
        .map(|(kind, _, _)| kind)
        .collect();
    assert_eq!(kinds, ["kitchen_new_order", "order_confirmed"]);
}

#[tokio::test]
async fn a_published_event_the_sink_refused_is_listed_dead_by_its_type_and_subject() {
    let app = test_app().await;
    let (receiver, url) = Receiver::start().await;
    receiver.answer(500);
    let (order_id, position) = place_order(&app, "555 010 0606", &[("margherita", 1)]).await;
    app.views.wait_for(Some(position)).await.unwrap();
    let events = crate::events::read_after(&app.pool, 0, 1_000)
        .await
        .unwrap();
    let mut tx = app.services.writer.begin().await.unwrap();
    OutboxProjection {
        publish: true,
        clock: None,
    }
    .apply_all(&mut tx, &events)
    .await
    .unwrap();
    tx.commit().await.unwrap();

    dispatcher(&app, &url, quick(1)).send_due().await.unwrap();

    let dead = app.mediator.send(ListDeadMessages).await.unwrap().value;
    let published: Vec<_> = dead.iter().filter(|m| m.kind == "cloud_event").collect();
    assert_eq!(published.len(), events.len(), "one a stored event");
    let placed = published
        .iter()
        .find(|m| m.order_id == Some(order_id))
        .unwrap();
    assert_eq!(placed.to, "cloudevents");
    assert_eq!(placed.text, format!("pizzeria.order.placed.v1 {order_id}"));
    assert_eq!(
        placed.last_error.as_deref(),
        Some("sink answered 500 Internal Server Error")
    );
    // A pizza's event has no order.
    assert!(
        published
            .iter()
            .any(|m| m.order_id.is_none() && m.text.starts_with("pizzeria.pizza.added.v1 "))
    );
}
