//! The event log as CloudEvents over HTTP (`GET /api/events`): staff only, every event
//! of an order there as soon as its command answered, paged by the last id a consumer
//! has, and bad paging refused naming the parameter.

use crate::helpers::{assert_problem, error_fields, spawn_app, valid_order};
use reqwest::Method;
use serde_json::Value;

#[tokio::test]
async fn staff_page_through_every_event_of_an_order_as_cloud_events_at_once() {
    let app = spawn_app().await;
    let chef = app.session_of("chef").await;
    let anonymous = app.call(Method::GET, "/api/events", None, None).await;
    assert_problem(anonymous, 401).await;

    let placed = app.place(&valid_order()).await;
    let order_id = placed["order_id"].as_str().unwrap().to_owned();

    // Read right after the 201: the log is read, not a view that may lag behind.
    let mut after = 0;
    let mut seen: Vec<Value> = Vec::new();
    loop {
        let path = format!("/api/events?after={after}&limit=5");
        let page = app.call(Method::GET, &path, Some(&chef), None).await;
        assert_eq!(page.status(), 200);
        let page: Value = page.json().await.unwrap();
        let events = page["events"].as_array().unwrap().clone();
        if events.is_empty() {
            assert_eq!(page["next_after"], after);
            break;
        }
        assert!(events.len() <= 5);
        after = page["next_after"].as_i64().unwrap();
        assert_eq!(events.last().unwrap()["id"], after.to_string());
        seen.extend(events);
    }
    let ids: Vec<i64> = seen
        .iter()
        .map(|event| event["id"].as_str().unwrap().parse().unwrap())
        .collect();
    assert!(ids.windows(2).all(|pair| pair[0] < pair[1]), "{ids:?}");
    let of_order: Vec<&Value> = seen
        .iter()
        .filter(|event| event["subject"] == order_id.as_str())
        .collect();
    let placed_event = of_order
        .iter()
        .find(|event| event["type"] == "pizzeria.order.placed.v1")
        .expect("the order's OrderPlaced is in the log");
    assert_eq!(placed_event["specversion"], "1.0");
    assert_eq!(placed_event["source"], "/pizzeria");
    assert_eq!(placed_event["datacontenttype"], "application/json");
    assert_eq!(placed_event["data"]["order_id"], order_id.as_str());
    assert!(placed_event["time"].as_str().unwrap().ends_with('Z'));
    assert_eq!(
        placed["position"],
        placed_event["id"].as_str().unwrap().parse::<i64>().unwrap()
    );
}

#[tokio::test]
async fn bad_paging_is_refused_naming_the_parameter() {
    let app = spawn_app().await;
    let manager = app.session_of("manager").await;
    for (query, field) in [
        ("after=-1", "after"),
        ("after=first", "after"),
        ("limit=0", "limit"),
        ("limit=1001", "limit"),
    ] {
        let path = format!("/api/events?{query}");
        let answer = app.call(Method::GET, &path, Some(&manager), None).await;
        let problem = assert_problem(answer, 422).await;
        assert_eq!(error_fields(&problem), [field], "{query}");
    }
}
