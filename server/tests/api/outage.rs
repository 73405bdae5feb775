//! The database going away under load and coming back (PostgreSQL only: an SQLite file
//! does not go away). A proxy between the server and PostgreSQL is cut, as stopping
//! PostgreSQL would, while customers place and read orders: every answer is a 2xx or a
//! 503 problem+json with `Retry-After` within a bounded time (never a 500, never a hang),
//! `/readyz` says what is wrong, and once the database is back everything recovers by
//! itself with no accepted order lost.

use crate::db_proxy::DbProxy;
use crate::helpers::{client, fresh_database, spawn_stoppable_app_on, valid_order};
use reqwest::{Client, Url};
use serde_json::Value;
use server::DEFAULT_DATABASE_TIMEOUT;
use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The longest any answer may take while the database is gone: waiting the pool's
/// acquire timeout, plus a margin for a loaded test machine.
const LONGEST_ANSWER: Duration = DEFAULT_DATABASE_TIMEOUT.saturating_add(Duration::from_secs(4));

/// What one request got.
struct Answer {
    what: &'static str,
    status: u16,
    took: Duration,
    problem_json: bool,
    retry_after: bool,
}

/// What the customers saw, and the orders answered 201.
#[derive(Default)]
struct Seen {
    answers: Vec<Answer>,
    accepted: Vec<String>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_database_outage_answers_503_quickly_and_recovers_by_itself() {
    let (database_url, data) = fresh_database().await;
    if !database_url.starts_with("postgres") {
        eprintln!("skipped: needs TEST_DATABASE_URL (PostgreSQL)");
        return;
    }
    let (proxy, proxied_url) = proxy_for(&database_url).await;
    let server = spawn_stoppable_app_on(proxied_url, data).await;
    let base = server.app.address.clone();
    let seen = Arc::new(Mutex::new(Seen::default()));
    let running = Arc::new(AtomicBool::new(true));
    let customers: Vec<_> = (0..6)
        .map(|_| tokio::spawn(customer(base.clone(), seen.clone(), running.clone())))
        .collect();

    tokio::time::sleep(Duration::from_millis(500)).await;
    proxy.cut();
    let cut_at = Instant::now();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let ready = client().get(format!("{base}/readyz")).send().await.unwrap();
    let ready_status = ready.status().as_u16();
    let ready_body = ready.text().await.unwrap();
    tokio::time::sleep(Duration::from_secs(4)).await;
    proxy.restore();
    let restored_at = Instant::now();

    let recovered = recovered_within(&base, Duration::from_secs(20)).await;
    running.store(false, Ordering::Relaxed);
    for customer in customers {
        customer.await.unwrap();
    }
    assert_eq!(
        ready_status, 503,
        "/readyz while the database is gone: {ready_body}"
    );
    assert!(ready_body.contains("database"), "{ready_body}");
    let recovered = recovered.expect("orders are placed and read again after the outage");
    eprintln!(
        "outage of {:?}; recovered {recovered:?} after the database came back",
        restored_at - cut_at
    );

    let seen = std::mem::take(&mut *seen.lock().unwrap());
    for answer in &seen.answers {
        assert!(
            matches!(answer.status, 200 | 201 | 503),
            "{} answered {}",
            answer.what,
            answer.status
        );
        assert!(
            answer.took <= LONGEST_ANSWER,
            "{} took {:?} (status {})",
            answer.what,
            answer.took,
            answer.status
        );
        if answer.status == 503 {
            assert!(answer.problem_json && answer.retry_after, "{}", answer.what);
        }
    }
    let unavailable = seen.answers.iter().filter(|a| a.status == 503).count();
    assert!(unavailable > 0, "the outage was noticed by the customers");
    assert!(
        seen.accepted.len() > 1,
        "orders were placed before and after"
    );
    // No order answered 201 was lost.
    let client = client();
    for id in &seen.accepted {
        let response = client
            .get(format!("{base}/api/orders/{id}"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "order {id}");
    }
    let _ = server.stop.send(());
}

/// A proxy to the PostgreSQL `url` names, and `url` through the proxy.
async fn proxy_for(url: &str) -> (DbProxy, String) {
    let mut url = Url::parse(url).expect("a database URL");
    let target: SocketAddr = (url.host_str().expect("a host"), url.port().unwrap_or(5432))
        .to_socket_addrs()
        .expect("the database's address")
        .next()
        .expect("an address");
    let proxy = DbProxy::start(target).await;
    url.set_ip_host(proxy.address.ip()).unwrap();
    url.set_port(Some(proxy.address.port())).unwrap();
    (proxy, url.to_string())
}

/// One customer placing an order and reading it back through its `Location`, over and
/// over while `running`.
async fn customer(base: String, seen: Arc<Mutex<Seen>>, running: Arc<AtomicBool>) {
    let client = client();
    while running.load(Ordering::Relaxed) {
        let started = Instant::now();
        let response = client
            .post(format!("{base}/api/orders"))
            .json(&valid_order())
            .send()
            .await
            .expect("an answer to a placement");
        let location = response
            .headers()
            .get("location")
            .map(|value| value.to_str().unwrap().to_owned());
        let answer = answer("POST /api/orders", &response, started);
        if answer.status == 201 {
            let body: Value = response.json().await.unwrap();
            let id = body["order_id"].as_str().unwrap().to_owned();
            seen.lock().unwrap().accepted.push(id);
        }
        seen.lock().unwrap().answers.push(answer);
        if let Some(location) = location {
            read(
                &client,
                &format!("{base}{location}"),
                "GET the Location",
                &seen,
            )
            .await;
        }
        read(&client, &format!("{base}/"), "GET the menu page", &seen).await;
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Reads `url`, recording the answer as `what`.
async fn read(client: &Client, url: &str, what: &'static str, seen: &Mutex<Seen>) {
    let started = Instant::now();
    let response = client.get(url).send().await.expect("an answer to a read");
    let answer = answer(what, &response, started);
    seen.lock().unwrap().answers.push(answer);
}

fn answer(what: &'static str, response: &reqwest::Response, started: Instant) -> Answer {
    let headers = response.headers();
    Answer {
        what,
        status: response.status().as_u16(),
        took: started.elapsed(),
        problem_json: headers
            .get("content-type")
            .is_some_and(|value| value == "application/problem+json"),
        retry_after: headers
            .get("retry-after")
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.parse::<u32>().ok())
            .is_some_and(|seconds| seconds > 0),
    }
}

/// How long after now an order could be placed and read again, and `/readyz` said ready;
/// `None` when not within `limit`.
async fn recovered_within(base: &str, limit: Duration) -> Option<Duration> {
    let client = client();
    let started = Instant::now();
    while started.elapsed() < limit {
        let placed = client
            .post(format!("{base}/api/orders"))
            .json(&valid_order())
            .send()
            .await
            .ok()?;
        if placed.status() == 201 {
            let location = placed.headers()["location"].to_str().unwrap().to_owned();
            let read = client.get(format!("{base}{location}")).send().await.ok()?;
            let ready = client.get(format!("{base}/readyz")).send().await.ok()?;
            if read.status() == 200 && ready.status() == 200 {
                return Some(started.elapsed());
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    None
}
