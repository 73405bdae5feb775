//! Password guessing cannot lock staff out: the limit is per client address (and per
//! client and account), attempts are counted before the password check, and the
//! clients here are told apart by their 127.0.0.x source addresses.

use crate::helpers::{TestApp, assert_problem, client_builder, spawn_app};
use reqwest::{Client, StatusCode};
use serde_json::json;
use std::net::{IpAddr, Ipv4Addr};
use std::time::{Duration, Instant};

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

/// The `name=value` of the cookie `name` that `response` sets, and its attributes.
fn set_cookie(response: &reqwest::Response, name: &str) -> Option<(String, String)> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|value| value.starts_with(&format!("{name}=")))
        .map(|value| {
            let (pair, attributes) = value.split_once(';').unwrap_or((value, ""));
            (pair.to_owned(), attributes.to_owned())
        })
}

async fn sign_in_with_cookie(
    app: &TestApp,
    client: &Client,
    username: &str,
    password: &str,
    cookie: &str,
) -> reqwest::Response {
    client
        .post(format!("{}/api/auth/login", app.address))
        .header("cookie", cookie)
        .json(&json!({"username": username, "password": password}))
        .send()
        .await
        .expect("an answer")
}

/// Addresses of the botnet: 127.0.0.10 and up.
const BOTNET: u8 = 240;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_manager_signs_in_from_a_known_device_while_a_botnet_fills_the_password_checks() {
    let app = spawn_app().await;
    // The manager's browser signed in before: it was given a device cookie.
    let browser = client_from(5);
    let first = sign_in_with_cookie(&app, &browser, "manager", "manager-pass", "").await;
    assert_eq!(first.status(), 200);
    let (device, attributes) = set_cookie(&first, "pizzeria_device").expect("a device cookie");
    assert!(attributes.contains("HttpOnly"), "{attributes}");
    assert!(
        attributes.contains("Max-Age=7776000"),
        "90 days: {attributes}"
    );

    // A botnet: 240 addresses guess the chef's password at once, filling the checks.
    let botnet: Vec<_> = (0..BOTNET)
        .map(|n| {
            let address = app.address.clone();
            tokio::spawn(async move {
                client_from(10 + n)
                    .post(format!("{address}/api/auth/login"))
                    .json(&json!({"username": "chef", "password": format!("guess-{n}")}))
                    .send()
                    .await
                    .expect("an answer")
                    .status()
            })
        })
        .collect();
    // Every guess is queued by now; checking them all takes seconds.
    tokio::time::sleep(Duration::from_millis(500)).await;

    // At the same moment, the manager from the known device and the driver from a new
    // one sign in: the driver's check waits behind the guesses, the manager's does not.
    let timed = |client: Client, username: &'static str, cookie: String| {
        let address = app.address.clone();
        async move {
            let started = Instant::now();
            let response = client
                .post(format!("{address}/api/auth/login"))
                .header("cookie", cookie)
                .json(&json!({"username": username, "password": format!("{username}-pass")}))
                .send()
                .await
                .expect("an answer");
            (response, started.elapsed())
        }
    };
    let ((known, known_took), (unknown, unknown_took)) = tokio::join!(
        timed(browser.clone(), "manager", device.clone()),
        timed(client_from(7), "driver", String::new()),
    );
    assert_eq!(known.status(), 200);
    assert_eq!(unknown.status(), 200);
    assert!(
        set_cookie(&known, "pizzeria_device").is_none(),
        "a known device keeps its cookie"
    );
    assert!(
        known_took * 4 < unknown_took && known_took < Duration::from_secs(2),
        "the known device went ahead: {known_took:?}, the new one waited {unknown_took:?}"
    );

    for guess in botnet {
        let status = guess.await.unwrap().as_u16();
        assert!(matches!(status, 401 | 503), "a guess answered {status}");
    }
    // The cookie is the manager's device, not the chef's: signing in as the chef with it
    // is an unknown device, which is given a cookie of its own.
    let chef = sign_in_with_cookie(&app, &client_from(6), "chef", "chef-pass", &device).await;
    assert_eq!(chef.status(), 200);
    assert!(set_cookie(&chef, "pizzeria_device").is_some());
}
