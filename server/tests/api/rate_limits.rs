//! Per-client limits: one address placing orders or opening live updates too often gets
//! 429 with `Retry-After`, another address does not, and an exempt one never does. The
//! clients are told apart by their 127.0.0.x source addresses.

use crate::helpers::{
    TestApp, assert_problem, client_builder, spawn_app_with, staff_config, valid_order,
};
use reqwest::{Client, StatusCode};
use server::RateLimits;
use std::net::{IpAddr, Ipv4Addr};

fn client_from(last: u8) -> Client {
    client_builder()
        .local_address(IpAddr::V4(Ipv4Addr::new(127, 0, 0, last)))
        .build()
        .expect("a client")
}

async fn app_with(limits: RateLimits) -> TestApp {
    let mut staff = staff_config();
    staff.http.rate_limits = limits;
    spawn_app_with(staff).await
}

async fn place(app: &TestApp, client: &Client) -> reqwest::Response {
    client
        .post(format!("{}/api/orders", app.address))
        .json(&valid_order())
        .send()
        .await
        .expect("an answer")
}

#[tokio::test]
async fn one_address_placing_too_many_orders_waits_and_another_does_not() {
    let app = app_with(RateLimits {
        place: 3,
        ..RateLimits::default()
    })
    .await;
    let busy = client_from(7);
    for _ in 0..3 {
        assert_eq!(place(&app, &busy).await.status(), StatusCode::CREATED);
    }
    let refused = place(&app, &busy).await;
    let retry_after: u32 = refused.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    assert_problem(refused, 429).await;
    assert_eq!(
        place(&app, &client_from(8)).await.status(),
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn guessing_promo_codes_through_quotes_is_limited_like_lookups() {
    let app = app_with(RateLimits {
        lookup: 5,
        ..RateLimits::default()
    })
    .await;
    let guesser = client_from(10);
    let mut statuses = Vec::new();
    for guess in 0..6 {
        let body = serde_json::json!({
            "pizza_items": [{"pizza_id": "margherita", "size": "medium"}],
            "promo_code": format!("GUESS{guess}"),
        });
        let url = format!("{}/api/orders/quote", app.address);
        let answer = guesser
            .post(url)
            .json(&body)
            .send()
            .await
            .expect("an answer");
        statuses.push(answer.status().as_u16());
    }
    assert_eq!(statuses, [422, 422, 422, 422, 422, 429]);
}

#[tokio::test]
async fn an_exempt_network_is_never_limited() {
    let app = app_with(RateLimits {
        place: 1,
        exempt: vec!["127.0.0.9/32".parse().unwrap()],
        ..RateLimits::default()
    })
    .await;
    let monitor = client_from(9);
    for _ in 0..4 {
        assert_eq!(place(&app, &monitor).await.status(), StatusCode::CREATED);
    }
}

#[tokio::test]
async fn one_address_holds_only_so_many_live_updates_open() {
    let app = app_with(RateLimits {
        streams_per_client: 2,
        ..RateLimits::default()
    })
    .await;
    let order = app.place(&valid_order()).await;
    let url = format!(
        "{}/api/orders/{}/stream",
        app.address,
        order["order_id"].as_str().unwrap()
    );
    let watcher = client_from(10);
    let first = watcher.get(&url).send().await.unwrap();
    let second = watcher.get(&url).send().await.unwrap();
    assert_eq!(
        (first.status(), second.status()),
        (StatusCode::OK, StatusCode::OK)
    );
    assert_problem(watcher.get(&url).send().await.unwrap(), 429).await;
    let elsewhere = client_from(11).get(&url).send().await.unwrap();
    assert_eq!(elsewhere.status(), StatusCode::OK);
    drop(first);
    // The server notices the closed stream when it next writes to it (a keep-alive
    // comment comes at least every 15 s); retry until its place is given back.
    let mut reopened = StatusCode::TOO_MANY_REQUESTS;
    for _ in 0..40 {
        reopened = watcher.get(&url).send().await.unwrap().status();
        if reopened == StatusCode::OK {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    assert_eq!(reopened, StatusCode::OK);
    drop(second);
}
