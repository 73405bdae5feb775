//! Who may send which command and query: every lifecycle and menu command and every
//! read × anonymous, a signed-in customer, chef, driver and manager, through REST and
//! through the server functions; a customer's own cancellation; the kitchen's capacity.

use crate::customer_accounts::customer_session;
use crate::helpers::{
    TestApp, assert_problem, spawn_app, spawn_app_with, staff_config, valid_order,
};
use reqwest::{Method, Response};
use serde_json::{Value, json};
use server::StaffConfig;

/// The callers of the matrix, anonymous first.
const CALLERS: [&str; 5] = ["anonymous", "customer", "chef", "driver", "manager"];

/// What a caller gets: refused with this status, or let through to the handler (which
/// may still answer 404 or 409 for the order's state).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Expect {
    Refused(u16),
    Through,
}
use Expect::{Refused, Through};

/// One staff command: how REST and the server function send it, and the verdict for
/// each of [`CALLERS`].
struct Case {
    name: &'static str,
    method: Method,
    path: String,
    body: Option<Value>,
    endpoint: &'static str,
    args: Value,
    expect: [Expect; 5],
}

const CHEF: [Expect; 5] = [Refused(401), Refused(403), Through, Refused(403), Through];
const DRIVER: [Expect; 5] = [Refused(401), Refused(403), Refused(403), Through, Through];
const MANAGER: [Expect; 5] = [
    Refused(401),
    Refused(403),
    Refused(403),
    Refused(403),
    Through,
];

/// Every staff command, on the order `id` (cooking, so a customer may not cancel it).
fn cases(id: &str, pizza: &str) -> Vec<Case> {
    let order = |verb: &str| format!("/api/orders/{id}/{verb}");
    let new_pizza = json!({"id": pizza, "name": "Calzone", "base_price": "12.50",
        "category": "Specialty", "preparation_time_minutes": 15});
    vec![
        Case {
            name: "StartCooking",
            method: Method::PUT,
            path: order("cook"),
            body: None,
            endpoint: "start_cooking",
            args: json!({"order_id": id}),
            expect: CHEF,
        },
        Case {
            name: "MarkOrderReady",
            method: Method::PUT,
            path: order("ready"),
            body: None,
            endpoint: "mark_order_ready",
            args: json!({"order_id": id}),
            expect: CHEF,
        },
        Case {
            name: "AssignDelivery",
            method: Method::PUT,
            path: order("assign"),
            body: Some(json!({"driver": "driver"})),
            endpoint: "assign_delivery",
            args: json!({"order_id": id, "driver": "driver"}),
            expect: DRIVER,
        },
        Case {
            name: "MarkOrderDelivered",
            method: Method::PUT,
            path: order("deliver"),
            body: None,
            endpoint: "mark_order_delivered",
            args: json!({"order_id": id}),
            expect: DRIVER,
        },
        Case {
            name: "CancelOrder",
            method: Method::PUT,
            path: order("cancel"),
            body: Some(json!({"reason": "Oven broke"})),
            endpoint: "cancel_order",
            args: json!({"order_id": id, "reason": "Oven broke"}),
            expect: [Refused(403), Refused(403), Through, Refused(403), Through],
        },
        Case {
            name: "AddPizza",
            method: Method::POST,
            path: "/api/menu".into(),
            body: Some(new_pizza.clone()),
            endpoint: "add_pizza",
            args: json!({"command": new_pizza}),
            expect: MANAGER,
        },
        Case {
            name: "UpdatePizza",
            method: Method::PUT,
            path: format!("/api/menu/{pizza}"),
            body: Some(json!({"base_price": "13.00"})),
            endpoint: "update_pizza",
            args: json!({"command": {"pizza_id": pizza, "base_price": "13.00"}}),
            expect: MANAGER,
        },
        Case {
            name: "RemovePizza",
            method: Method::DELETE,
            path: format!("/api/menu/{pizza}"),
            body: None,
            endpoint: "remove_pizza",
            args: json!({"pizza_id": pizza}),
            expect: MANAGER,
        },
    ]
}

/// A new order the manager started cooking; returns its id.
async fn cooking_order(app: &TestApp, manager: &str) -> String {
    let placed = app.place(&valid_order()).await;
    let id = placed["order_id"].as_str().unwrap().to_owned();
    let path = format!("/api/orders/{id}/cook");
    let cooked = app.call(Method::PUT, &path, Some(manager), None).await;
    assert_eq!(cooked.status(), 200);
    id
}

/// The sessions of [`CALLERS`]: none for anonymous, a new account for the customer.
async fn sessions(app: &TestApp) -> Vec<Option<String>> {
    let mut sessions = vec![None, Some(customer_session(app).await)];
    for name in &CALLERS[2..] {
        sessions.push(Some(app.session_of(name).await));
    }
    sessions
}

fn check(case: &str, caller: &str, via: &str, expect: Expect, status: u16) {
    let what = format!("{case} by {caller} via {via}: {status}");
    match expect {
        Refused(code) => assert_eq!(status, code, "{what}"),
        Through => assert!(status != 401 && status != 403, "{what}"),
    }
}

/// A kitchen with room for every order the matrix cooks.
async fn roomy_app() -> TestApp {
    spawn_app_with(StaffConfig {
        kitchen_capacity: 1000,
        ..staff_config()
    })
    .await
}

#[tokio::test]
async fn every_staff_route_admits_exactly_the_roles_its_policy_names() {
    let app = roomy_app().await;
    let sessions = sessions(&app).await;
    let manager = sessions[4].clone().unwrap();
    for (index, caller) in CALLERS.iter().enumerate() {
        let id = cooking_order(&app, &manager).await;
        for case in cases(&id, &format!("rest-{caller}")) {
            let cookie = sessions[index].as_deref();
            let response = app
                .call(case.method, &case.path, cookie, case.body.as_ref())
                .await;
            let status = response.status().as_u16();
            check(case.name, caller, "REST", case.expect[index], status);
        }
    }
}

#[tokio::test]
async fn every_staff_server_function_admits_exactly_the_roles_its_policy_names() {
    let app = roomy_app().await;
    let sessions = sessions(&app).await;
    let manager = sessions[4].clone().unwrap();
    for (index, caller) in CALLERS.iter().enumerate() {
        let id = cooking_order(&app, &manager).await;
        for case in cases(&id, &format!("fn-{caller}")) {
            let path = format!("/api/fn/{}", case.endpoint);
            let cookie = sessions[index].as_deref();
            let response = app
                .call(Method::POST, &path, cookie, Some(&case.args))
                .await;
            let status = response.status().as_u16();
            check(
                case.name,
                caller,
                "server function",
                case.expect[index],
                status,
            );
        }
    }
}

#[tokio::test]
async fn a_staff_server_function_without_a_session_answers_401() {
    let app = spawn_app().await;
    let response = app.post_json("/api/fn/get_kitchen_queue", &json!({})).await;
    assert_eq!(response.status(), 401);
    let kind = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(kind, "application/problem+json");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], 401, "{body}");
    assert_eq!(body["type"], "about:blank", "{body}");
}

#[tokio::test]
async fn a_customer_may_cancel_a_pending_order_but_not_one_being_cooked() {
    let app = spawn_app().await;
    let reason = json!({"reason": "Changed my mind"});
    let pending = app.place(&valid_order()).await;
    let path = format!(
        "/api/orders/{}/cancel",
        pending["order_id"].as_str().unwrap()
    );
    let response = app.call(Method::PUT, &path, None, Some(&reason)).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.json::<Value>().await.unwrap()["status"],
        "cancelled"
    );

    let manager = app.session_of("manager").await;
    let id = cooking_order(&app, &manager).await;
    let path = format!("/api/orders/{id}/cancel");
    let response = app.call(Method::PUT, &path, None, Some(&reason)).await;
    let problem = assert_problem(response, 403).await;
    assert_eq!(
        problem["detail"],
        "Only the pizzeria can cancel an order that is already being prepared."
    );
}

#[tokio::test]
async fn the_kitchen_cooks_three_orders_at_once_and_asks_the_fourth_to_wait() {
    let app = spawn_app().await;
    let chef = app.session_of("chef").await;
    let mut answers: Vec<Response> = Vec::new();
    for _ in 0..4 {
        let placed = app.place(&valid_order()).await;
        let path = format!("/api/orders/{}/cook", placed["order_id"].as_str().unwrap());
        answers.push(app.call(Method::PUT, &path, Some(&chef), None).await);
    }
    let fourth = answers.pop().unwrap();
    for answer in answers {
        assert_eq!(answer.status(), 200);
    }
    assert_eq!(fourth.headers()["retry-after"], "30");
    let problem = assert_problem(fourth, 503).await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("cooking 3 orders, its capacity"),
        "{problem}"
    );
}

#[tokio::test]
async fn every_read_admits_exactly_its_callers() {
    let app = spawn_app().await;
    let sessions = sessions(&app).await;
    let placed = app.place(&valid_order()).await;
    let order = format!(
        "/api/orders/{}?min_position={}",
        placed["order_id"].as_str().unwrap(),
        placed["position"]
    );
    let reads: [(&str, [u16; 5]); 13] = [
        ("/api/menu", [200, 200, 200, 200, 200]),
        (order.as_str(), [200, 200, 200, 200, 200]),
        ("/api/kitchen/queue", [401, 403, 200, 403, 200]),
        ("/api/delivery/board", [401, 403, 403, 200, 200]),
        ("/api/delivery/drivers", [401, 403, 403, 200, 200]),
        ("/api/orders?page=1", [401, 403, 200, 200, 200]),
        // A phone number is no secret: its history is for staff.
        (
            "/api/customers/5551234567/history",
            [401, 403, 200, 200, 200],
        ),
        ("/api/profile/me/orders", [401, 200, 403, 403, 403]),
        ("/api/profile/me", [401, 200, 200, 200, 200]),
        ("/api/profile/me/notifications", [401, 200, 403, 403, 403]),
        ("/api/analytics/popular-pizzas", [401, 403, 403, 403, 200]),
        ("/api/analytics/orders-by-status", [401, 403, 403, 403, 200]),
        ("/api/staff/menu", [401, 403, 403, 403, 200]),
    ];
    for (path, expected) in reads {
        for (index, caller) in CALLERS.iter().enumerate() {
            let cookie = sessions[index].as_deref();
            let status = app.call(Method::GET, path, cookie, None).await.status();
            assert_eq!(status, expected[index], "GET {path} by {caller}");
        }
    }
}

#[tokio::test]
async fn staff_read_server_functions_admit_only_their_roles() {
    let app = spawn_app().await;
    let sessions = sessions(&app).await;
    let reads: [(&str, Value, [u16; 5]); 11] = [
        ("get_kitchen_queue", json!({}), [401, 403, 200, 403, 200]),
        ("get_delivery_board", json!({}), [401, 403, 403, 200, 200]),
        ("list_drivers", json!({}), [401, 403, 403, 200, 200]),
        ("get_editable_menu", json!({}), [401, 403, 403, 403, 200]),
        (
            "get_popular_pizzas",
            json!({"query": {}}),
            [401, 403, 403, 403, 200],
        ),
        (
            "get_recent_revenue",
            json!({"bucket": "hour"}),
            [401, 403, 403, 403, 200],
        ),
        (
            "get_order_counts_by_status",
            json!({"query": {}}),
            [401, 403, 403, 403, 200],
        ),
        (
            "get_customer_history",
            json!({"query": {"phone": "5551234567"}}),
            [401, 403, 200, 200, 200],
        ),
        (
            "get_my_orders",
            json!({"query": {}}),
            [401, 200, 403, 403, 403],
        ),
        (
            "list_my_notifications",
            json!({}),
            [401, 200, 403, 403, 403],
        ),
        // Anyone may ask who they are; it answers only their own session.
        ("current_staff", json!({}), [200, 200, 200, 200, 200]),
    ];
    for (endpoint, args, expected) in reads {
        for (index, caller) in CALLERS.iter().enumerate() {
            let path = format!("/api/fn/{endpoint}");
            let cookie = sessions[index].as_deref();
            let response = app.call(Method::POST, &path, cookie, Some(&args)).await;
            assert_eq!(response.status(), expected[index], "{endpoint} by {caller}");
        }
    }
    let me = app
        .call(
            Method::POST,
            "/api/fn/current_staff",
            sessions[3].as_deref(),
            Some(&json!({})),
        )
        .await;
    let me: Value = me.json().await.unwrap();
    assert_eq!(me, json!({"username": "driver", "role": "driver"}));
    let nobody = app.post_json("/api/fn/current_staff", &json!({})).await;
    assert_eq!(nobody.json::<Value>().await.unwrap(), Value::Null);
}
