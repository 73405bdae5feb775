//! The `server` binary's command line: its help, its version, and the staff accounts an
//! operator manages with it (on SQLite, or on PostgreSQL under `TEST_DATABASE_URL`).

use crate::helpers::{TestApp, fresh_database, session_cookie, spawn_stoppable_app_on};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs the server binary with `args` on `database_url`, `stdin` written to it.
fn server(database_url: &str, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the server binary starts");
    child
        .stdin
        .take()
        .expect("its stdin")
        .write_all(stdin.as_bytes())
        .expect("writing its stdin");
    child.wait_with_output().expect("the server binary ends")
}

async fn sign_in(app: &TestApp, password: &str) -> reqwest::Response {
    login(app, "alice", password).await
}

async fn login(app: &TestApp, username: &str, password: &str) -> reqwest::Response {
    let body = json!({ "username": username, "password": password });
    app.post_json("/api/auth/login", &body).await
}

/// The drivers an order may go out with, as the manager signed in with `cookie` sees them.
async fn drivers(app: &TestApp, cookie: &str) -> Value {
    let response = app
        .call(Method::GET, "/api/delivery/drivers", Some(cookie), None)
        .await;
    response.json().await.expect("a JSON list")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn help_lists_every_command_and_setting_with_its_environment_variable() {
    let help = server("sqlite://unused.db", &["--help"], "");
    assert!(help.status.success());
    let help = text(&help.stdout);
    for command in ["serve", "rebuild-projections", "check-config", "staff"] {
        assert!(help.contains(command), "{command} missing from:\n{help}");
    }
    for variable in [
        "DATABASE_URL",
        "LEPTOS_SITE_ADDR",
        "STAFF_ACCOUNTS",
        "KITCHEN_CAPACITY",
        "ORDER_MAX_TOTAL",
        "RATE_LIMITS",
        "TRUSTED_PROXIES",
        "READY_MAX_LAG_SECS",
    ] {
        assert!(
            help.contains(&format!("[env: {variable}")),
            "{variable} missing from:\n{help}"
        );
    }
    let staff = text(&server("sqlite://unused.db", &["staff", "--help"], "").stdout);
    for command in ["add", "list", "set-password", "disable", "enable"] {
        assert!(staff.contains(command), "{command} missing from:\n{staff}");
    }
    let version = server("sqlite://unused.db", &["--version"], "");
    assert_eq!(
        text(&version.stdout).trim(),
        format!("server {}", env!("CARGO_PKG_VERSION"))
    );
    let unknown = server("sqlite://unused.db", &["bake"], "");
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).contains("unrecognized subcommand"));
}

#[tokio::test]
async fn an_operator_adds_a_staff_account_who_then_signs_in() {
    let (database_url, data) = fresh_database().await;
    let added = server(
        &database_url,
        &["staff", "add", "alice", "--role", "chef"],
        "oven-mitts-42\n",
    );
    assert!(added.status.success(), "{}", text(&added.stderr));

    let again = server(
        &database_url,
        &["staff", "add", "alice", "--role", "driver"],
        "another-password\n",
    );
    assert!(!again.status.success());
    assert!(
        text(&again.stderr).contains("taken"),
        "{}",
        text(&again.stderr)
    );
    let weak = server(
        &database_url,
        &["staff", "add", "bob", "--role", "driver"],
        "short\n",
    );
    assert!(!weak.status.success());
    assert!(
        text(&weak.stderr).contains("at least 10"),
        "{}",
        text(&weak.stderr)
    );

    let listed = text(&server(&database_url, &["staff", "list"], "").stdout);
    let rows: Vec<&str> = listed.lines().collect();
    assert_eq!(rows.len(), 1, "{listed}");
    assert!(rows[0].starts_with("alice\tchef\t"), "{listed}");

    let app = spawn_stoppable_app_on(database_url.clone(), data).await;
    let signed_in = sign_in(&app.app, "oven-mitts-42").await;
    assert_eq!(signed_in.status(), StatusCode::OK);

    let changed = server(
        &database_url,
        &["staff", "set-password", "alice"],
        "pizza-peel-77\n",
    );
    assert!(changed.status.success(), "{}", text(&changed.stderr));
    assert_eq!(
        sign_in(&app.app, "oven-mitts-42").await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        sign_in(&app.app, "pizza-peel-77").await.status(),
        StatusCode::OK
    );
    let nobody = server(
        &database_url,
        &["staff", "set-password", "nobody"],
        "pizza-peel-77\n",
    );
    assert!(
        text(&nobody.stderr).contains("no staff account"),
        "{}",
        text(&nobody.stderr)
    );
    let _ = app.stop.send(());
}

#[tokio::test]
async fn a_disabled_account_is_signed_out_cannot_sign_in_and_drives_no_order() {
    let (database_url, data) = fresh_database().await;
    for (username, role, password) in [
        ("mona", "manager", "manager-pass-1"),
        ("dino", "driver", "driver-pass-1"),
    ] {
        let added = server(
            &database_url,
            &["staff", "add", username, "--role", role],
            &format!("{password}\n"),
        );
        assert!(added.status.success(), "{}", text(&added.stderr));
    }
    let stoppable = spawn_stoppable_app_on(database_url.clone(), data).await;
    let app = &stoppable.app;
    let manager = session_cookie(&login(app, "mona", "manager-pass-1").await).expect("a session");
    let driver = session_cookie(&login(app, "dino", "driver-pass-1").await).expect("a session");
    assert_eq!(drivers(app, &manager).await, json!(["dino"]));

    let disabled = server(&database_url, &["staff", "disable", "dino"], "");
    assert!(disabled.status.success(), "{}", text(&disabled.stderr));
    let me = app
        .call(Method::GET, "/api/auth/me", Some(&driver), None)
        .await;
    assert_eq!(me.status(), StatusCode::UNAUTHORIZED);
    let again = login(app, "dino", "driver-pass-1").await;
    assert_eq!(again.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(drivers(app, &manager).await, json!([]));
    let listed = text(&server(&database_url, &["staff", "list"], "").stdout);
    assert!(
        listed.contains("dino\tdriver\t") && listed.contains("\tdisabled "),
        "{listed}"
    );

    let last = server(&database_url, &["staff", "disable", "mona"], "");
    assert!(!last.status.success());
    assert!(
        text(&last.stderr).contains("last active manager"),
        "{}",
        text(&last.stderr)
    );

    let enabled = server(&database_url, &["staff", "enable", "dino"], "");
    assert!(enabled.status.success(), "{}", text(&enabled.stderr));
    assert_eq!(
        login(app, "dino", "driver-pass-1").await.status(),
        StatusCode::OK
    );
    let _ = stoppable.stop.send(());
}
