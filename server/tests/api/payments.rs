//! Paying for orders over HTTP: a card order is charged and shows it, a declined card
//! answers 402 and stores nothing, bad cards answer 422 by field, a cancel refunds, a
//! driver marks cash collected, and the card's number and code are kept nowhere.

use crate::helpers::{
    TestApp, assert_problem, cash_order, error_fields, fresh_database, spawn_app,
    spawn_stoppable_app_on, valid_order,
};
use reqwest::Method;
use serde_json::{Value, json};
use sqlx::AnyPool;
use std::io::Write;
use std::sync::{Arc, Mutex};

/// [`valid_order`] paid with the card `number`.
fn paid_with(number: &str) -> Value {
    let mut order = valid_order();
    order["card"]["number"] = json!(number);
    order
}

/// The order at the `Location` a placement answered.
async fn read_placed(app: &TestApp, placed: reqwest::Response) -> Value {
    assert_eq!(placed.status(), 201);
    let location = placed.headers()["location"].to_str().unwrap().to_owned();
    let read = app.get(&location).await;
    assert_eq!(read.status(), 200);
    read.json().await.unwrap()
}

#[tokio::test]
async fn a_card_order_is_paid_and_its_page_says_with_which_card() {
    let app = spawn_app().await;
    let placed = app.post_json("/api/orders", &valid_order()).await;
    let order = read_placed(&app, placed).await;
    let payment = &order["payment"];
    assert_eq!(
        (
            &payment["method"],
            &payment["status"],
            &payment["brand"],
            &payment["last4"]
        ),
        (
            &json!("card"),
            &json!("paid"),
            &json!("visa"),
            &json!("4242")
        ),
        "{order}"
    );
    assert!(
        payment["reference"]
            .as_str()
            .unwrap()
            .starts_with("sim_ch_")
    );
}

#[tokio::test]
async fn a_declined_card_answers_402_with_the_message_and_no_order_exists() {
    let app = spawn_app().await;
    let manager = app.session_of("manager").await;
    let response = app
        .post_json("/api/orders", &paid_with("4000 0000 0000 0002"))
        .await;
    let problem = assert_problem(response, 402).await;
    assert_eq!(
        problem["detail"],
        "Payment was declined. Please try a different payment method."
    );
    let listed = app
        .call(Method::GET, "/api/orders", Some(&manager), None)
        .await;
    let listed: Value = listed.json().await.unwrap();
    assert_eq!(listed["items"], json!([]), "{listed}");
}

#[tokio::test]
async fn bad_cards_answer_422_naming_the_field() {
    let app = spawn_app().await;
    let typo = app
        .post_json("/api/orders", &paid_with("4242 4242 4242 4241"))
        .await;
    assert_eq!(
        error_fields(&assert_problem(typo, 422).await),
        ["card.number"]
    );
    let mut expired = valid_order();
    expired["card"]["exp_year"] = json!(2021);
    let expired = app.post_json("/api/orders", &expired).await;
    assert_eq!(
        error_fields(&assert_problem(expired, 422).await),
        ["card.exp_month"]
    );
    let mut no_card = valid_order();
    no_card.as_object_mut().unwrap().remove("card");
    let no_card = app.post_json("/api/orders", &no_card).await;
    assert_eq!(error_fields(&assert_problem(no_card, 422).await), ["card"]);
    let mut extra = valid_order();
    extra["card"]["pin"] = json!("1234");
    let extra = app.post_json("/api/orders", &extra).await;
    assert_eq!(
        error_fields(&assert_problem(extra, 422).await),
        ["card.pin"]
    );
}

#[tokio::test]
async fn cancelling_a_paid_order_refunds_it() {
    let app = spawn_app().await;
    let placed = app.place(&valid_order()).await;
    let id = placed["order_id"].as_str().unwrap();
    let body = json!({"reason": "Changed my mind"});
    let cancelled = app
        .call(
            Method::PUT,
            &format!("/api/orders/{id}/cancel"),
            None,
            Some(&body),
        )
        .await;
    assert_eq!(cancelled.status(), 200);
    let cancelled: Value = cancelled.json().await.unwrap();
    let path = format!("/api/orders/{id}?min_position={}", cancelled["position"]);
    let order: Value = app.get(&path).await.json().await.unwrap();
    assert_eq!(order["payment"]["status"], "refunded", "{order}");
    let last = order["timeline"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (&last["status"], &last["payment"]),
        (&json!("cancelled"), &json!("refunded"))
    );
}

#[tokio::test]
async fn only_drivers_mark_cash_collected_and_only_once_it_is_out() {
    let app = spawn_app().await;
    let (manager, driver, chef) = (
        app.session_of("manager").await,
        app.session_of("driver").await,
        app.session_of("chef").await,
    );
    let placed = app.place(&cash_order()).await;
    let id = placed["order_id"].as_str().unwrap();
    let collect = format!("/api/orders/{id}/cash-collected");
    let early = app.call(Method::PUT, &collect, Some(&driver), None).await;
    assert_problem(early, 409).await;
    for (verb, body) in [
        ("cook", None),
        ("ready", None),
        ("assign", Some(json!({"driver": "driver"}))),
    ] {
        let path = format!("/api/orders/{id}/{verb}");
        let moved = app
            .call(Method::PUT, &path, Some(&manager), body.as_ref())
            .await;
        assert_eq!(moved.status(), 200, "{verb}");
    }
    let anonymous = app.call(Method::PUT, &collect, None, None).await;
    assert_problem(anonymous, 401).await;
    let by_chef = app.call(Method::PUT, &collect, Some(&chef), None).await;
    assert_problem(by_chef, 403).await;
    let collected = app.call(Method::PUT, &collect, Some(&driver), None).await;
    assert_eq!(collected.status(), 200);
    let collected: Value = collected.json().await.unwrap();
    assert_eq!(collected["status"], "collected");
    let again = app.call(Method::PUT, &collect, Some(&driver), None).await;
    assert_problem(again, 409).await;
    let path = format!("/api/orders/{id}?min_position={}", collected["position"]);
    let order: Value = app.get(&path).await.json().await.unwrap();
    assert_eq!(order["payment"]["status"], "collected");
}

/// Everything a test's tracing prints, on the thread it runs on (where the server it
/// spawned runs too: `#[tokio::test]` is single-threaded).
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Every value of every column of every table, as text.
async fn everything_stored(pool: &AnyPool, postgres: bool) -> String {
    let tables_sql = if postgres {
        "SELECT CAST(table_name AS TEXT) FROM information_schema.tables \
         WHERE table_schema = 'public'"
    } else {
        "SELECT name FROM sqlite_master WHERE type = 'table'"
    };
    let tables: Vec<(String,)> = sqlx::query_as(tables_sql).fetch_all(pool).await.unwrap();
    let mut text = String::new();
    for (table,) in tables {
        let columns_sql = if postgres {
            format!(
                "SELECT CAST(column_name AS TEXT) FROM information_schema.columns \
                 WHERE table_name = '{table}'"
            )
        } else {
            format!("SELECT name FROM pragma_table_info('{table}')")
        };
        let columns: Vec<(String,)> = sqlx::query_as(&columns_sql).fetch_all(pool).await.unwrap();
        for (column,) in columns {
            // As bytes: some columns hold binary data (hashes), which a text read refuses.
            let select = if postgres {
                format!("SELECT convert_to(CAST(\"{column}\" AS TEXT), 'UTF8') FROM \"{table}\"")
            } else {
                format!("SELECT CAST(\"{column}\" AS BLOB) FROM \"{table}\"")
            };
            let values: Vec<(Option<Vec<u8>>,)> =
                sqlx::query_as(&select).fetch_all(pool).await.unwrap();
            for value in values.into_iter().flat_map(|(value,)| value) {
                text.push_str(&String::from_utf8_lossy(&value));
                text.push('\n');
            }
        }
    }
    text
}

#[tokio::test]
async fn the_card_number_and_code_are_kept_nowhere_in_the_database_or_the_logs() {
    let logs = Captured::default();
    let writer = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    let _logging = tracing::subscriber::set_default(subscriber);
    let (database_url, data) = fresh_database().await;
    let stoppable = spawn_stoppable_app_on(database_url.clone(), data).await;
    let app = &stoppable.app;
    // Tests running at the same time without this subscriber may have left the server's
    // log sites marked "nobody listens" in tracing's global cache: ask again.
    tracing::callsite::rebuild_interest_cache();
    let mut order = paid_with("5555 5555 5555 4444");
    order["card"]["cvc"] = json!("7319");
    order["customer_name"] = json!("Card Holder");
    let placed = app.place(&order).await;
    let id = placed["order_id"].as_str().unwrap();
    // Retried with the same key, cancelled (refunded), read.
    for _ in 0..2 {
        let retry = app
            .client
            .post(format!("{}/api/orders", app.address))
            .header("idempotency-key", "card-order-key-0001")
            .json(&order)
            .send()
            .await
            .unwrap();
        assert_eq!(retry.status(), 201);
    }
    let body = json!({"reason": "Changed my mind"});
    let path = format!("/api/orders/{id}/cancel");
    let cancelled = app.call(Method::PUT, &path, None, Some(&body)).await;
    assert_eq!(cancelled.status(), 200);
    let cancelled: Value = cancelled.json().await.unwrap();
    let read = format!("/api/orders/{id}?min_position={}", cancelled["position"]);
    let shown: Value = app.get(&read).await.json().await.unwrap();
    assert_eq!(shown["payment"]["last4"], "4444");

    sqlx::any::install_default_drivers();
    let pool = AnyPool::connect(&database_url).await.unwrap();
    let stored = everything_stored(&pool, database_url.starts_with("postgres")).await;
    pool.close().await;
    let _ = stoppable.stop.send(());
    let logged = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    assert!(stored.contains("Card Holder"), "the dump holds the order");
    assert!(logged.contains("PlaceOrder"), "the capture holds the logs");
    for (place, text) in [("database", &stored), ("logs", &logged)] {
        // Quoted: the code as any serialization would write it (bare digits may occur
        // by chance in a hash or a timestamp).
        for secret in ["5555555555554444", "5555 5555 5555 4444", "\"7319\"", "cvc"] {
            assert!(!text.contains(secret), "{secret:?} is in the {place}");
        }
    }
}
