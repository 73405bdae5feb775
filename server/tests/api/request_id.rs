//! `X-Request-Id`: every answer carries one, the client's UUID when it sent one, and the
//! events a request causes carry it as their correlation id.

use crate::helpers::{fresh_database, spawn_app, spawn_stoppable_app_on, valid_order};
use reqwest::Response;
use uuid::Uuid;

fn request_id(response: &Response) -> Uuid {
    let value = response
        .headers()
        .get("x-request-id")
        .expect("an X-Request-Id")
        .to_str()
        .expect("text");
    Uuid::parse_str(value).expect("a UUID")
}

#[tokio::test]
async fn every_answer_has_an_id_the_clients_uuid_when_it_sent_one() {
    let app = spawn_app().await;
    let first = request_id(&app.get("/api/menu").await);
    let second = request_id(&app.get("/api/menu").await);
    assert_ne!(first, second);

    let given = Uuid::new_v4();
    let echoed = app
        .client
        .get(format!("{}/api/menu", app.address))
        .header("x-request-id", given.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(request_id(&echoed), given);

    // Not a UUID: replaced, so nothing a client writes reaches the log or the events.
    let forged = app
        .client
        .get(format!("{}/api/no-such-route", app.address))
        .header("x-request-id", "abc\tinjected log line")
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 404);
    request_id(&forged);
}

#[tokio::test]
async fn the_events_of_an_order_carry_the_id_of_the_request_that_placed_it() {
    let (database_url, data) = fresh_database().await;
    let stoppable = spawn_stoppable_app_on(database_url.clone(), data).await;
    let app = &stoppable.app;
    let given = Uuid::new_v4();
    let placed = app
        .client
        .post(format!("{}/api/orders", app.address))
        .header("x-request-id", given.to_string())
        .json(&valid_order())
        .send()
        .await
        .unwrap();
    assert_eq!(placed.status(), 201);
    assert_eq!(request_id(&placed), given);
    let order_id = placed.json::<serde_json::Value>().await.unwrap()["order_id"]
        .as_str()
        .expect("an order id")
        .to_owned();

    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&database_url).await.unwrap();
    let ids: Vec<(Option<String>,)> =
        sqlx::query_as("SELECT correlation_id FROM events WHERE stream_id = $1")
            .bind(format!("order-{order_id}"))
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(ids, [(Some(given.to_string()),)]);
    pool.close().await;
    let _ = stoppable.stop.send(());
}
