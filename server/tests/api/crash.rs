//! Crash safety: the server process is killed with SIGKILL while customers are placing
//! orders; after a restart every order that was answered 201 exists, and the read
//! models converge on the event log (the projector resumes from its checkpoint).

use crate::helpers::{fresh_database, valid_order};
use crate::server_process::{ServerProcess, free_port};
use reqwest::Client;
use serde_json::Value;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Places orders from `workers` tasks until stopped, collecting the ids answered 201.
fn place_orders_until_killed(
    base: &str,
    workers: usize,
) -> (Arc<Mutex<Vec<String>>>, Vec<tokio::task::JoinHandle<()>>) {
    let accepted = Arc::new(Mutex::new(Vec::new()));
    let tasks = (0..workers)
        .map(|_| {
            let (accepted, url, client) = (
                accepted.clone(),
                format!("{base}/api/orders"),
                crate::helpers::client(),
            );
            tokio::spawn(async move {
                // Bounded: the server dies long before this many orders.
                for _ in 0..10_000 {
                    let Ok(response) = client.post(&url).json(&valid_order()).send().await else {
                        return; // the server is gone
                    };
                    if response.status() == 201
                        && let Ok(body) = response.json::<Value>().await
                    {
                        accepted
                            .lock()
                            .unwrap()
                            .push(body["order_id"].as_str().unwrap().to_owned());
                    }
                }
            })
        })
        .collect();
    (accepted, tasks)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_accepted_order_survives_a_sigkill_and_the_views_converge() {
    let (database_url, _data) = fresh_database().await;
    let port = free_port();
    let server = ServerProcess::start(&database_url, port).await;
    let (accepted, tasks) = place_orders_until_killed(&server.base, 4);
    let deadline = Instant::now() + Duration::from_secs(20);
    while accepted.lock().unwrap().len() < 40 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    server.kill();
    for task in tasks {
        task.await.unwrap();
    }
    let accepted = accepted.lock().unwrap().clone();
    assert!(
        accepted.len() >= 40,
        "only {} orders were accepted before the kill",
        accepted.len()
    );

    let server = ServerProcess::start(&database_url, port).await;
    let client = crate::helpers::client();
    for id in &accepted {
        let order = read_eventually(&client, &format!("{}/api/orders/{id}", server.base)).await;
        assert_eq!(order["status"], "pending", "{order}");
        assert_eq!(order["total_amount"], "47.77");
    }
}

/// The order, once the read model has it (the projector catches up after the restart).
async fn read_eventually(client: &Client, url: &str) -> Value {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let response = client
            .get(url)
            .send()
            .await
            .expect("the restarted server answers");
        if response.status() == 200 {
            return response.json().await.unwrap();
        }
        assert!(
            Instant::now() < deadline,
            "{url} still answers {} after 10 s",
            response.status()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
