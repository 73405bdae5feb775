//! Staff accounts over REST: a manager lists, adds, re-roles, disables and re-passwords
//! members of staff; a disabled member's session stops working at once; only managers
//! may do any of it.

use crate::helpers::{assert_problem, error_fields, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

#[tokio::test]
async fn a_manager_adds_a_chef_who_signs_in_and_is_signed_out_when_disabled() {
    let mut app = spawn_app().await;
    let chef = app.session_of("chef").await;
    let by_chef = app.call(Method::GET, "/api/staff", Some(&chef), None).await;
    assert_problem(by_chef, 403).await;
    app.sign_in("manager").await;

    let listed: Value = app.get("/api/staff").await.json().await.unwrap();
    let names: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|member| member["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["chef", "driver", "manager"]);
    assert!(listed[0].get("password_hash").is_none());

    let new = json!({"username": "giulia", "role": "chef", "password": "giulia-pass"});
    let added = app.post_json("/api/staff", &new).await;
    assert_eq!(added.status(), 201);
    let added: Value = added.json().await.unwrap();
    assert_eq!(
        (added["role"].as_str(), added["disabled"].as_bool()),
        (Some("chef"), Some(false))
    );
    let taken = app.post_json("/api/staff", &new).await;
    assert_eq!(
        error_fields(&assert_problem(taken, 409).await),
        ["username"]
    );
    let weak = json!({"username": "Giulia!", "role": "chef", "password": "short"});
    let refused = app.post_json("/api/staff", &weak).await;
    assert_eq!(
        error_fields(&assert_problem(refused, 422).await),
        ["username", "password"]
    );

    // Giulia signs in and reads the kitchen; disabled, her session stops at once.
    let giulia = app.session_of("giulia").await;
    let queue = app
        .call(Method::GET, "/api/kitchen/queue", Some(&giulia), None)
        .await;
    assert_eq!(queue.status(), 200);
    let disable = json!({"disabled": true});
    let disabled = app
        .call(Method::PUT, "/api/staff/giulia", None, Some(&disable))
        .await;
    assert_eq!(disabled.status(), 200);
    let queue = app
        .call(Method::GET, "/api/kitchen/queue", Some(&giulia), None)
        .await;
    assert_problem(queue, 401).await;

    // A driver now, enabled, with a new password.
    let back = json!({"role": "driver", "disabled": false});
    let changed: Value = app
        .call(Method::PUT, "/api/staff/giulia", None, Some(&back))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(changed["role"], "driver");
    let password = json!({"password": "giulia-new-secret"});
    let reset = app
        .call(
            Method::POST,
            "/api/staff/giulia/password",
            None,
            Some(&password),
        )
        .await;
    assert_eq!(reset.status(), 200);
    let old = json!({"username": "giulia", "password": "giulia-pass"});
    assert_eq!(app.post_json("/api/auth/login", &old).await.status(), 401);
    let new = json!({"username": "giulia", "password": "giulia-new-secret"});
    assert_eq!(app.post_json("/api/auth/login", &new).await.status(), 200);

    let unknown = app
        .call(Method::PUT, "/api/staff/nobody", None, Some(&disable))
        .await;
    assert_problem(unknown, 404).await;
    let last = app
        .call(Method::PUT, "/api/staff/manager", None, Some(&disable))
        .await;
    assert_problem(last, 409).await;
}
