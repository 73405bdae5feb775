//! `GET /api/kitchen/queue`: the pending and cooking orders, first in first out.
//! (How orders leave the queue as they move on is tested with the lifecycle commands, in
//! `server/src/read_side_tests`.) And the kitchen's longest wait: an order that would
//! wait longer is refused with 503 and `Retry-After`.

use crate::helpers::{assert_problem, spawn_app, spawn_app_with, staff_config, valid_order};
use crate::views::{order_of, place_all, read};
use serde_json::{Value, json};
use server::StaffConfig;

#[tokio::test]
async fn an_order_the_kitchen_cannot_make_in_time_is_refused_with_503_and_retry_after() {
    let app = spawn_app_with(StaffConfig {
        kitchen_capacity: 1,
        kitchen_max_wait_minutes: Some(30),
        ..staff_config()
    })
    .await;
    // Two pepperoni and a margherita: 14 minutes, and 2 for each more pizza.
    let first = app.place(&valid_order()).await;
    let ready: chrono::DateTime<chrono::Utc> = first["estimated_ready_time"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let minutes = (ready - chrono::Utc::now()).num_minutes();
    assert!((17..=18).contains(&minutes), "{minutes}");
    let id = first["order_id"].as_str().unwrap();
    let seen = app
        .get(&format!(
            "/api/orders/{id}?min_position={}",
            first["position"]
        ))
        .await;
    assert_eq!(seen.status(), 200);

    let refused = app.post_json("/api/orders", &valid_order()).await;

    let retry_after: u32 = refused.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((300..=360).contains(&retry_after), "{retry_after}");
    let problem = assert_problem(refused, 503).await;
    assert_eq!(
        problem["detail"],
        "Kitchen is at capacity. Estimated wait time is 36 minutes. Please try again in a \
         little while."
    );
}

#[tokio::test]
async fn the_kitchen_queue_lists_orders_first_in_first_out_with_pizzas_and_minutes() {
    let mut app = spawn_app().await;
    app.sign_in("chef").await;
    let mut first = order_of("5551234567", &[("pepperoni", 2), ("margherita", 1)]);
    first["pizza_items"][1]["special_instructions"] = json!("well done");
    first["pizza_items"][0]["toppings"] = json!(["mushrooms"]);
    let second = order_of("5557654321", &[("funghi", 1)]);
    let (placed, position) = place_all(&app, &[first, second]).await;

    let queue = read(&app, "/api/kitchen/queue?", position).await;
    let tickets = queue.as_array().unwrap();
    let ids: Vec<&Value> = tickets.iter().map(|ticket| &ticket["order_id"]).collect();
    assert_eq!(ids, [&placed[0]["order_id"], &placed[1]["order_id"]]);
    let ticket = &tickets[0];
    assert_eq!(ticket["status"], "pending");
    assert_eq!(ticket["customer_name"], "Mario Rossi");
    assert_eq!(ticket["pizza_count"], 3);
    // 2 pepperoni × 14 minutes + 1 margherita × 12 minutes
    assert_eq!(ticket["total_prep_minutes"], 40);
    assert_eq!(ticket["special_instructions"], json!(["well done"]));
    let items = ticket["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(
        (
            &items[0]["pizza_name"],
            &items[0]["size"],
            &items[0]["quantity"]
        ),
        (&json!("Pepperoni"), &json!("medium"), &json!(2))
    );
    assert_eq!(items[0]["toppings"], json!(["mushrooms"]));
    assert_eq!(items[1]["special_instructions"], "well done");
    assert_eq!(tickets[1]["total_prep_minutes"], 13);
    assert!(ticket["placed_at"].as_str().is_some());
}

#[tokio::test]
async fn an_empty_kitchen_has_an_empty_queue() {
    let mut app = spawn_app().await;
    app.sign_in("chef").await;
    let response = app.get("/api/kitchen/queue").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.json::<Value>().await.unwrap(), json!([]));
}

#[tokio::test]
async fn a_chef_takes_an_order_out_of_the_oven_pizza_line_by_pizza_line() {
    use reqwest::Method;
    let app = spawn_app().await;
    let chef = app.session_of("chef").await;
    let driver = app.session_of("driver").await;
    let (placed, _) = place_all(
        &app,
        &[order_of(
            "5551234567",
            &[("pepperoni", 2), ("margherita", 1)],
        )],
    )
    .await;
    let id = placed[0]["order_id"].as_str().unwrap();
    let put = |path: String, cookie: String| {
        let app = &app;
        async move { app.call(Method::PUT, &path, Some(&cookie), None).await }
    };
    let line = |n: &str| format!("/api/orders/{id}/items/{n}/ready");

    // Not in the oven yet.
    let early = put(line("0"), chef.clone()).await;
    assert_problem(early, 409).await;
    assert_eq!(
        put(format!("/api/orders/{id}/cook"), chef.clone())
            .await
            .status(),
        200
    );

    // A driver may not; a line that is no number, or that the order lacks, is refused.
    assert_problem(put(line("0"), driver.clone()).await, 403).await;
    let malformed = assert_problem(put(line("first"), chef.clone()).await, 400).await;
    assert_eq!(malformed["errors"][0]["field"], "line");
    assert_problem(put(line("-1"), chef.clone()).await, 400).await;
    assert_problem(put(line("2"), chef.clone()).await, 404).await;

    let first = put(line("1"), chef.clone()).await;
    assert_eq!(first.status(), 200);
    let first: Value = first.json().await.unwrap();
    assert_eq!(first["status"], "cooking");
    assert_problem(put(line("1"), chef.clone()).await, 409).await;
    let last: Value = put(line("0"), chef.clone()).await.json().await.unwrap();
    assert_eq!(last["status"], "ready");

    // The order's timeline names each pizza out of the oven and who took it out.
    let order = read(
        &app,
        &format!("/api/orders/{id}?"),
        last["position"].as_i64().unwrap(),
    )
    .await;
    let pizzas: Vec<(&Value, &Value)> = order["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|step| step.get("pizza").is_some())
        .map(|step| (&step["pizza"]["name"], &step["by"]))
        .collect();
    assert_eq!(
        pizzas,
        [
            (&json!("1 × Margherita (Medium)"), &json!("chef")),
            (&json!("2 × Pepperoni (Medium)"), &json!("chef"))
        ]
    );
}

#[tokio::test]
async fn a_chef_may_say_how_long_an_order_takes_in_the_oven_when_starting_it() {
    use reqwest::Method;
    let app = spawn_app().await;
    let chef = app.session_of("chef").await;
    let (placed, _) = place_all(
        &app,
        &[
            order_of("5551234567", &[("margherita", 1)]),
            order_of("5551234568", &[("margherita", 1)]),
        ],
    )
    .await;
    let cook = |n: usize| {
        format!(
            "/api/orders/{}/cook",
            placed[n]["order_id"].as_str().unwrap()
        )
    };
    let send = |path: String, body: Option<Value>| {
        let (app, chef) = (&app, chef.clone());
        async move {
            app.call(Method::PUT, &path, Some(&chef), body.as_ref())
                .await
        }
    };

    // Out of range, or a field the body does not have: 422 naming it.
    for body in [
        json!({"minutes": 0}),
        json!({"minutes": 181}),
        json!({"mins": 20}),
    ] {
        let refused = assert_problem(send(cook(0), Some(body)).await, 422).await;
        assert!(
            ["minutes", "mins"].contains(&refused["errors"][0]["field"].as_str().unwrap()),
            "{refused}"
        );
    }
    let text = app
        .client
        .put(format!("{}{}", app.address, cook(0)))
        .header("cookie", &chef)
        .body("minutes=20")
        .send()
        .await
        .unwrap();
    assert_problem(text, 400).await;

    let started = send(cook(0), Some(json!({"minutes": 40}))).await;
    assert_eq!(started.status(), 200);
    let position = started.json::<Value>().await.unwrap()["position"]
        .as_i64()
        .unwrap();
    let id = placed[0]["order_id"].as_str().unwrap();
    let status = read(&app, &format!("/api/orders/{id}/status?"), position).await;
    let ready: chrono::DateTime<chrono::Utc> = status["estimated_ready_time"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let minutes = (ready - chrono::Utc::now()).num_minutes();
    assert!((39..=40).contains(&minutes), "{minutes}");

    // No body at all: the recipes' time.
    assert_eq!(send(cook(1), None).await.status(), 200);
}
