//! The opening hours over REST: anyone reads them, only managers change them, and an
//! order outside them is refused with a 422 problem naming today's hours and the next
//! opening.

use crate::helpers::{assert_problem, error_fields, spawn_app, valid_order};
use reqwest::Method;
use serde_json::{Value, json};

#[tokio::test]
async fn a_manager_closes_the_shop_and_an_order_is_refused_with_the_next_opening() {
    let mut app = spawn_app().await;
    let open: Value = app.get("/api/shop/hours").await.json().await.unwrap();
    assert_eq!(open["open_now"], true);
    let status: Value = app.get("/api/shop/status").await.json().await.unwrap();
    assert_eq!(status, json!({"open_now": true, "standing": "Open now."}));
    assert_eq!(open["weekly"]["monday"][0]["closes"], "24:00");

    // Closed today and tomorrow, whatever day it is; open the day after, 11:00-22:00.
    let today = chrono::Utc::now().date_naive();
    let closures = [today, today.succ_opt().unwrap()];
    let every_day = json!([{"opens": "11:00", "closes": "22:00"}]);
    let hours = json!({"timezone": "UTC", "closures": closures, "weekly": {
        "monday": every_day, "tuesday": every_day, "wednesday": every_day,
        "thursday": every_day, "friday": every_day, "saturday": every_day,
        "sunday": every_day}});
    let refused = app
        .call(Method::PUT, "/api/shop/hours", None, Some(&hours))
        .await;
    assert_problem(refused, 401).await;
    app.sign_in("manager").await;
    let stored = app
        .call(Method::PUT, "/api/shop/hours", None, Some(&hours))
        .await;
    assert_eq!(stored.status(), 200);
    let stored: Value = stored.json().await.unwrap();
    assert_eq!(stored["open_now"], false);
    let after_tomorrow = today.succ_opt().unwrap().succ_opt().unwrap();
    assert_eq!(
        stored["next_opening"],
        format!("{after_tomorrow}T11:00:00Z")
    );

    let refused = app.post_json("/api/orders", &valid_order()).await;
    let problem = assert_problem(refused, 422).await;
    let detail = problem["detail"].as_str().unwrap();
    assert!(
        detail.starts_with("Sorry, we're closed! We are closed today. We open again "),
        "{detail}"
    );
    assert!(detail.ends_with(" at 11:00 (UTC time)."), "{detail}");
    let read: Value = app.get("/api/shop/hours").await.json().await.unwrap();
    assert_eq!(read["closures"], json!(closures));
    let status: Value = app.get("/api/shop/status").await.json().await.unwrap();
    assert_eq!(status["open_now"], false);
    let standing = status["standing"].as_str().unwrap();
    assert!(
        standing.starts_with("Closed now; opens ") && standing.ends_with(" at 11:00."),
        "{standing}"
    );
}

#[tokio::test]
async fn bad_hours_are_refused_naming_each_field_and_only_managers_set_them() {
    let mut app = spawn_app().await;
    let chef = app.session_of("chef").await;
    let hours = json!({"timezone": "UTC", "weekly": {}});
    let by_chef = app
        .call(Method::PUT, "/api/shop/hours", Some(&chef), Some(&hours))
        .await;
    assert_problem(by_chef, 403).await;
    app.sign_in("manager").await;

    let bad = json!({"timezone": "Moon/Base", "weekly": {
        "monday": [{"opens": "9am", "closes": "22:00"}],
        "friday": [{"opens": "18:00", "closes": "18:00"}]}});
    let refused = app
        .call(Method::PUT, "/api/shop/hours", None, Some(&bad))
        .await;
    assert_eq!(
        error_fields(&assert_problem(refused, 422).await),
        ["weekly.monday[0].opens", "weekly.friday[0].closes"]
    );
    let unknown_zone = json!({"timezone": "Moon/Base", "weekly": {}});
    let refused = app
        .call(Method::PUT, "/api/shop/hours", None, Some(&unknown_zone))
        .await;
    assert_eq!(
        error_fields(&assert_problem(refused, 422).await),
        ["timezone"]
    );
    let typo = json!({"timezone": "UTC", "weekly": {"mondays": []}});
    let refused = app
        .call(Method::PUT, "/api/shop/hours", None, Some(&typo))
        .await;
    assert_problem(refused, 422).await;
}
