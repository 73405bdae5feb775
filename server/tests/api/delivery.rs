//! `GET /api/delivery/board` and the `get_delivery_board` server function: the orders
//! waiting for a driver, then those on the road, for drivers and managers only; and who
//! may take an order out (`GET /api/delivery/drivers`, `AssignDelivery`'s driver).
//! (How orders join and leave the board is tested with the lifecycle commands, in
//! `server/src/read_side_tests/delivery.rs`.)

use crate::helpers::{
    STAFF_ACCOUNTS, TestApp, assert_problem, error_fields, spawn_app, spawn_app_with, staff_config,
    valid_order,
};
use crate::views::order_of;
use reqwest::Method;
use serde_json::{Value, json};
use server::StaffConfig;

/// Sends `PUT /api/orders/{id}/{verb}` as the holder of `cookie`; returns the position.
async fn move_on(app: &TestApp, cookie: &str, id: &Value, verb: &str, body: Option<Value>) -> i64 {
    let path = format!("/api/orders/{}/{verb}", id.as_str().unwrap());
    let response = app
        .call(Method::PUT, &path, Some(cookie), body.as_ref())
        .await;
    let status = response.status();
    let answer: Value = response.json().await.unwrap();
    assert_eq!(status, 200, "{path}: {answer}");
    answer["position"].as_i64().unwrap()
}

#[tokio::test]
async fn the_board_lists_ready_orders_then_those_on_the_road_with_what_a_driver_needs() {
    let app = spawn_app().await;
    let manager = app.session_of("manager").await;
    let driver = app.session_of("driver").await;
    let first = app.place(&valid_order()).await;
    let mut cash = order_of("5557654321", &[("funghi", 1)]);
    cash["payment_method"] = json!("cash");
    cash.as_object_mut().unwrap().remove("card");
    let second = app.place(&cash).await;
    for placed in [&first, &second] {
        move_on(&app, &manager, &placed["order_id"], "cook", None).await;
        move_on(&app, &manager, &placed["order_id"], "ready", None).await;
    }
    let herself = Some(json!({"driver": "driver"}));
    let position = move_on(&app, &driver, &first["order_id"], "assign", herself).await;

    let path = format!("/api/delivery/board?min_position={position}");
    let response = app.call(Method::GET, &path, Some(&driver), None).await;
    assert_eq!(response.status(), 200);
    let board: Value = response.json().await.unwrap();
    let tickets = board.as_array().unwrap();
    assert_eq!(tickets.len(), 2, "{board}");
    let (waiting, out) = (&tickets[0], &tickets[1]);
    assert_eq!(waiting["order_id"], second["order_id"]);
    assert_eq!(waiting["status"], "ready");
    assert_eq!(waiting["customer_name"], "Mario Rossi");
    assert_eq!(waiting["customer_phone"], "5557654321");
    assert_eq!(waiting["customer_address"], "Via Roma 1, Napoli");
    assert_eq!(waiting["payment_method"], "cash");
    assert_eq!(waiting["total_amount"], second["total_amount"]);
    assert_eq!(waiting["pizza_count"], 1);
    assert!(waiting["ready_at"].as_str().is_some(), "{waiting}");
    assert_eq!(
        (&waiting["driver"], &waiting["out_at"]),
        (&Value::Null, &Value::Null)
    );
    assert_eq!(out["order_id"], first["order_id"]);
    assert_eq!(
        (&out["status"], &out["driver"]),
        (&json!("delivering"), &json!("driver"))
    );
    assert_eq!(
        (&out["payment_method"], &out["pizza_count"]),
        (&json!("card"), &json!(3))
    );
    assert!(out["out_at"].as_str().is_some(), "{out}");
}

#[tokio::test]
async fn only_drivers_and_managers_may_read_the_board_through_rest_or_the_server_function() {
    let app = spawn_app().await;
    let callers = [
        ("anonymous", None, 401),
        ("chef", Some(app.session_of("chef").await), 403),
        ("driver", Some(app.session_of("driver").await), 200),
        ("manager", Some(app.session_of("manager").await), 200),
    ];
    for (caller, cookie, expected) in &callers {
        let cookie = cookie.as_deref();
        let rest = app
            .call(Method::GET, "/api/delivery/board", cookie, None)
            .await;
        assert_eq!(rest.status(), *expected, "REST by {caller}");
        let path = "/api/fn/get_delivery_board";
        let call = app.call(Method::POST, path, cookie, Some(&json!({}))).await;
        assert_eq!(call.status(), *expected, "server function by {caller}");
        if *expected == 200 {
            assert_eq!(call.json::<Value>().await.unwrap(), json!([]), "{caller}");
        }
    }
}

#[tokio::test]
async fn an_order_goes_out_with_a_driver_account_a_driver_only_under_their_own_name() {
    let app = spawn_app_with(StaffConfig {
        accounts: Some(format!("{STAFF_ACCOUNTS};anna:driver:anna-pass")),
        ..staff_config()
    })
    .await;
    let (manager, driver) = (
        app.session_of("manager").await,
        app.session_of("driver").await,
    );
    let order = app.place(&valid_order()).await;
    move_on(&app, &manager, &order["order_id"], "cook", None).await;
    move_on(&app, &manager, &order["order_id"], "ready", None).await;
    let path = format!("/api/orders/{}/assign", order["order_id"].as_str().unwrap());
    let assign = |cookie: &str, driver: &str| {
        let body = json!({ "driver": driver });
        let cookie = cookie.to_owned();
        let (app, path) = (&app, path.clone());
        async move {
            app.call(Method::PUT, &path, Some(&cookie), Some(&body))
                .await
        }
    };

    assert_problem(assign(&driver, "anna").await, 403).await;
    let problem = assert_problem(assign(&manager, "chef").await, 422).await;
    assert_eq!(error_fields(&problem), ["driver"], "{problem}");
    assert_problem(assign(&manager, "Luigi").await, 422).await;

    let as_driver = app
        .call(Method::GET, "/api/delivery/drivers", Some(&driver), None)
        .await;
    assert_eq!(as_driver.json::<Value>().await.unwrap(), json!(["driver"]));
    let as_manager = app
        .call(Method::GET, "/api/delivery/drivers", Some(&manager), None)
        .await;
    assert_eq!(
        as_manager.json::<Value>().await.unwrap(),
        json!(["anna", "driver"])
    );
    assert_eq!(assign(&manager, "anna").await.status(), 200);
}
