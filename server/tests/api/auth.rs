//! Staff sign-in: `POST /api/auth/login`, `POST /api/auth/logout`, `GET /api/auth/me`,
//! the session cookie's attributes, the limit on failed sign-ins, and expiry.

use crate::helpers::{assert_problem, session_cookie, spawn_app, spawn_app_with, staff_config};
use reqwest::Method;
use serde_json::{Value, json};
use server::StaffConfig;
use std::time::Duration;

fn credentials(username: &str, password: &str) -> Value {
    json!({"username": username, "password": password})
}

#[tokio::test]
async fn signing_in_answers_the_role_and_sets_an_http_only_lax_cookie_not_secure_on_http() {
    let app = spawn_app().await;
    let response = app
        .post_json("/api/auth/login", &credentials("chef", "chef-pass"))
        .await;
    assert_eq!(response.status(), 200);
    let set_cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(set_cookie.starts_with("pizzeria_session="), "{set_cookie}");
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=43200"] {
        assert!(set_cookie.contains(attribute), "{set_cookie}");
    }
    assert!(!set_cookie.contains("Secure"), "{set_cookie}");
    let cookie = session_cookie(&response).unwrap();
    let body: Value = response.json().await.unwrap();
    assert_eq!(body, json!({"username": "chef", "role": "chef"}));

    let me = app
        .call(Method::GET, "/api/auth/me", Some(&cookie), None)
        .await;
    assert_eq!(me.status(), 200);
    assert_eq!(me.json::<Value>().await.unwrap()["role"], "chef");
}

#[tokio::test]
async fn the_cookie_is_secure_behind_an_https_proxy() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(format!("{}/api/auth/login", app.address))
        .header("x-forwarded-proto", "https")
        .json(&credentials("driver", "driver-pass"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let set_cookie = response.headers()["set-cookie"].to_str().unwrap();
    assert!(set_cookie.contains("; Secure"), "{set_cookie}");
    assert!(
        set_cookie.starts_with("__Host-pizzeria_session="),
        "{set_cookie}"
    );
}

#[tokio::test]
async fn a_secure_site_names_its_cookie_host_only_and_reads_it_back() {
    let mut staff = staff_config();
    staff.http.secure_cookies = true;
    let app = spawn_app_with(staff).await;
    let response = app
        .post_json("/api/auth/login", &credentials("chef", "chef-pass"))
        .await;
    let set_cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        set_cookie.starts_with("__Host-pizzeria_session="),
        "{set_cookie}"
    );
    for attribute in ["; Secure", "; Path=/", "; HttpOnly"] {
        assert!(set_cookie.contains(attribute), "{set_cookie}");
    }
    assert!(!set_cookie.contains("Domain"), "{set_cookie}");
    let cookie = session_cookie(&response).unwrap();
    let me = app
        .call(Method::GET, "/api/auth/me", Some(&cookie), None)
        .await;
    assert_eq!(me.json::<Value>().await.unwrap()["username"], "chef");
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_user_get_the_same_401() {
    let app = spawn_app().await;
    let wrong = app
        .post_json("/api/auth/login", &credentials("chef", "driver-pass"))
        .await;
    assert!(wrong.headers().get("set-cookie").is_none());
    let wrong = assert_problem(wrong, 401).await;
    let unknown = app
        .post_json("/api/auth/login", &credentials("nobody", "chef-pass"))
        .await;
    let unknown = assert_problem(unknown, 401).await;
    assert_eq!(wrong, unknown);
}

#[tokio::test]
async fn the_sixth_sign_in_after_five_failures_is_refused_with_429_and_retry_after() {
    let app = spawn_app().await;
    for _ in 0..5 {
        let response = app
            .post_json("/api/auth/login", &credentials("manager", "guess"))
            .await;
        assert_eq!(response.status(), 401);
    }
    // Even the right password waits: the limit is on this client and name, not on the guess.
    let response = app
        .post_json("/api/auth/login", &credentials("manager", "manager-pass"))
        .await;
    let retry_after: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=900).contains(&retry_after), "{retry_after}");
    assert_problem(response, 429).await;
    // Another name is not affected.
    let chef = app.session_of("chef").await;
    assert!(chef.starts_with("pizzeria_session="));
}

#[tokio::test]
async fn signing_out_ends_the_session_and_clears_the_cookie() {
    let app = spawn_app().await;
    let cookie = app.session_of("manager").await;
    let response = app
        .call(Method::POST, "/api/auth/logout", Some(&cookie), None)
        .await;
    assert_eq!(response.status(), 204);
    let cleared = response.headers()["set-cookie"].to_str().unwrap();
    assert!(cleared.starts_with("pizzeria_session=;"), "{cleared}");
    assert!(cleared.contains("Max-Age=0"), "{cleared}");
    // The old token no longer opens anything, even if a client kept it.
    let me = app
        .call(Method::GET, "/api/auth/me", Some(&cookie), None)
        .await;
    assert_problem(me, 401).await;
    let queue = app
        .call(Method::GET, "/api/kitchen/queue", Some(&cookie), None)
        .await;
    assert_problem(queue, 401).await;
}

#[tokio::test]
async fn an_expired_session_is_anonymous() {
    let app = spawn_app_with(StaffConfig {
        // Long enough that a loaded machine still uses the session once before it ends.
        session_ttl: Duration::from_secs(3),
        ..staff_config()
    })
    .await;
    let cookie = app.session_of("chef").await;
    let queue = app
        .call(Method::GET, "/api/kitchen/queue", Some(&cookie), None)
        .await;
    assert_eq!(queue.status(), 200);
    tokio::time::sleep(Duration::from_millis(4100)).await;
    let queue = app
        .call(Method::GET, "/api/kitchen/queue", Some(&cookie), None)
        .await;
    assert_problem(queue, 401).await;
}

#[tokio::test]
async fn nobody_is_signed_in_without_a_cookie() {
    let app = spawn_app().await;
    let me = app.get("/api/auth/me").await;
    assert_problem(me, 401).await;
    let forged = app
        .call(
            Method::GET,
            "/api/auth/me",
            Some("pizzeria_session=00ff"),
            None,
        )
        .await;
    assert_problem(forged, 401).await;
}

#[tokio::test]
async fn without_staff_accounts_the_manager_password_is_in_a_file_only_its_owner_reads() {
    use std::os::unix::fs::PermissionsExt as _;
    let folder = tempfile::tempdir().unwrap();
    let password_file = folder.path().join("secrets/manager-password");
    let app = spawn_app_with(StaffConfig {
        accounts: None,
        password_file: password_file.clone(),
        ..staff_config()
    })
    .await;
    let mode = std::fs::metadata(&password_file)
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    let password = std::fs::read_to_string(&password_file).unwrap();
    let password = password.trim();
    assert_eq!(password.len(), 24, "{password:?}");
    let response = app
        .post_json("/api/auth/login", &credentials("manager", password))
        .await;
    assert_eq!(response.status(), 200);
}
