//! Password guessing cannot lock staff out: the limit is per client address (and per
//! client and account), attempts are counted before the password check, and the
//! clients here are told apart by their 127.0.0.x source addresses.

use crate::helpers::{TestApp, assert_problem, client_builder, spawn_app};
use reqwest::{Client, StatusCode};
use serde_json::json;
use std::net::{IpAddr, Ipv4Addr};

/// A client whose requests come from 127.0.0.`last`.
fn client_from(last: u8) -> Client {
    client_builder()
        .local_address(IpAddr::V4(Ipv4Addr::new(127, 0, 0, last)))
        .build()
        .expect("a client")
}

async fn sign_in(app: &TestApp, client: &Client, username: &str, password: &str) -> StatusCode {
    client
        .post(format!("{}/api/auth/login", app.address))
        .json(&json!({"username": username, "password": password}))
        .send()
        .await
        .expect("an answer")
        .status()
}

#[tokio::test]
async fn the_manager_signs_in_from_their_own_address_while_another_hammers_their_account() {
    let app = spawn_app().await;
    let attacker = client_from(3);
    let mut refused = 0;
    for _ in 0..8 {
        let status = sign_in(&app, &attacker, "manager", "guess").await;
        assert!(matches!(status.as_u16(), 401 | 429), "{status}");
        refused += usize::from(status == StatusCode::TOO_MANY_REQUESTS);
    }
    assert!(
        refused >= 2,
        "the attacker was slowed down: {refused} refusals"
    );
    // The attacker holding the right password must wait like any other guess...
    let response = attacker
        .post(format!("{}/api/auth/login", app.address))
        .json(&json!({"username": "manager", "password": "manager-pass"}))
        .send()
        .await
        .unwrap();
    assert!(response.headers().contains_key("retry-after"));
    assert_problem(response, 429).await;
    // ...while the manager, from their own address, is let in at once.
    let manager = client_from(2);
    assert_eq!(
        sign_in(&app, &manager, "manager", "manager-pass").await,
        StatusCode::OK
    );
}

#[tokio::test]
async fn guesses_sent_at_once_are_counted_before_the_password_check() {
    let app = spawn_app().await;
    let attacker = client_from(4);
    let guesses = (0..24).map(|n| {
        let (app, attacker) = (&app, &attacker);
        async move { sign_in(app, attacker, "manager", &format!("guess-{n}")).await }
    });
    let statuses = futures_util::future::join_all(guesses).await;
    let tried = statuses
        .iter()
        .filter(|status| status.as_u16() == 401)
        .count();
    let refused = statuses
        .iter()
        .filter(|status| status.as_u16() == 429)
        .count();
    assert_eq!((tried, refused), (5, 19), "{statuses:?}");
}

#[tokio::test]
async fn one_address_guessing_across_accounts_backs_off_for_every_account() {
    let app = spawn_app().await;
    let attacker = client_from(5);
    for n in 0..20 {
        let status = sign_in(&app, &attacker, &format!("nobody-{n}"), "guess").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "attempt {n}");
    }
    let status = sign_in(&app, &attacker, "chef", "chef-pass").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        sign_in(&app, &client_from(6), "chef", "chef-pass").await,
        StatusCode::OK
    );
}
