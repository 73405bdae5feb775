//! `GET /api/analytics/popular-pizzas` and `GET /api/analytics/revenue`, for orders
//! placed now (read with `min_position`, so the projector has applied them).

use crate::helpers::{assert_problem, error_fields, spawn_app};
use crate::views::{order_of, place_all, read};
use chrono::{DateTime, Duration, Utc};
use rust_decimal::Decimal;
use serde_json::Value;
use std::str::FromStr;

#[tokio::test]
async fn popular_pizzas_rank_todays_pizzas_by_quantity_then_orders() {
    let mut app = spawn_app().await;
    app.sign_in("manager").await;
    let (_, position) = place_all(
        &app,
        &[
            order_of("5551234567", &[("margherita", 2), ("funghi", 1)]),
            order_of("5551234568", &[("funghi", 1), ("margherita", 1)]),
            order_of("5551234569", &[("pepperoni", 1), ("funghi", 1)]),
        ],
    )
    .await;
    let top = read(
        &app,
        "/api/analytics/popular-pizzas?days=1&limit=2",
        position,
    )
    .await;
    let ranked: Vec<(&str, u64, u64)> = top
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let id = p["pizza_id"].as_str().unwrap();
            (
                id,
                p["quantity"].as_u64().unwrap(),
                p["orders"].as_u64().unwrap(),
            )
        })
        .collect();
    // funghi and margherita sold 3 each; funghi was in more orders.
    assert_eq!(ranked, [("funghi", 3, 3), ("margherita", 3, 2)]);
    assert_eq!(top[0]["pizza_name"], "Funghi");
    let week = read(&app, "/api/analytics/popular-pizzas?", position).await;
    assert_eq!(
        week.as_array().unwrap().len(),
        3,
        "a week by default holds today"
    );
}

#[tokio::test]
async fn popular_pizzas_refuse_odd_periods_and_limits() {
    let mut app = spawn_app().await;
    app.sign_in("manager").await;
    for (query, field) in [
        ("days=0", "days"),
        ("days=366", "days"),
        ("limit=0", "limit"),
        ("limit=51", "limit"),
        ("days=a", "days"),
    ] {
        let path = format!("/api/analytics/popular-pizzas?{query}");
        let problem = assert_problem(app.get(&path).await, 422).await;
        assert_eq!(error_fields(&problem), [field], "{query}");
    }
}

/// Sums a revenue answer: (revenue, orders, bucket starts).
fn totals(buckets: &Value) -> (Decimal, u64, Vec<DateTime<Utc>>) {
    let buckets = buckets.as_array().unwrap();
    let revenue = buckets
        .iter()
        .map(|b| Decimal::from_str(b["revenue"].as_str().unwrap()).unwrap())
        .sum();
    let orders = buckets
        .iter()
        .map(|b| b["order_count"].as_u64().unwrap())
        .sum();
    let starts = buckets
        .iter()
        .map(|b| b["start"].as_str().unwrap().parse().unwrap())
        .collect();
    (revenue, orders, starts)
}

#[tokio::test]
async fn revenue_lists_every_hour_and_day_of_the_period_with_todays_orders() {
    let mut app = spawn_app().await;
    app.sign_in("manager").await;
    let (_, position) = place_all(
        &app,
        &[
            order_of("5551234567", &[("margherita", 1)]),
            order_of("5551234568", &[("pepperoni", 2)]),
        ],
    )
    .await;
    let now = Utc::now();
    let day = |offset: i64| {
        (now + Duration::days(offset))
            .format("%Y-%m-%d")
            .to_string()
    };
    let path = format!(
        "/api/analytics/revenue?from={}&to={}&bucket=day",
        day(-1),
        day(1)
    );
    let (revenue, orders, starts) = totals(&read(&app, &path, position).await);
    // 10.99 + 2 × 12.99
    assert_eq!((revenue.to_string(), orders), ("36.97".to_owned(), 2));
    assert_eq!(starts.len(), 3, "yesterday, today and tomorrow");
    assert_eq!(starts[1] - starts[0], Duration::days(1));

    let from = (now - Duration::hours(2)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let to = (now + Duration::hours(1)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let path = format!("/api/analytics/revenue?from={from}&to={to}&bucket=hour");
    let hours = read(&app, &path, position).await;
    let (revenue, orders, starts) = totals(&hours);
    assert_eq!((revenue.to_string(), orders), ("36.97".to_owned(), 2));
    assert_eq!(starts.len(), 4);
    assert!(starts.windows(2).all(|w| w[1] - w[0] == Duration::hours(1)));
    assert_eq!(
        hours[0]["revenue"], "0.00",
        "hours without orders are zeros"
    );
}

#[tokio::test]
async fn revenue_refuses_backwards_or_oversized_periods_and_unknown_buckets() {
    let mut app = spawn_app().await;
    app.sign_in("manager").await;
    for (query, field) in [
        ("from=2026-01-02&to=2026-01-01", "to"),
        ("from=2026-01-01&to=2026-03-01&bucket=hour", "to"),
        ("from=2026-01-01&to=2027-06-01", "to"),
        ("from=2026-01-01&to=2026-01-02&bucket=week", "bucket"),
        ("to=2026-01-02", "from"),
        ("from=yesterday&to=2026-01-02", "from"),
    ] {
        let path = format!("/api/analytics/revenue?{query}");
        let problem = assert_problem(app.get(&path).await, 422).await;
        assert_eq!(error_fields(&problem), [field], "{query}");
    }
}

#[tokio::test]
async fn orders_by_status_counts_every_status_in_lifecycle_order() {
    let mut app = spawn_app().await;
    app.sign_in("manager").await;
    let (placed, _) = place_all(
        &app,
        &[
            order_of("5551234567", &[("margherita", 1)]),
            order_of("5551234568", &[("funghi", 2)]),
            order_of("5551234569", &[("pepperoni", 1)]),
        ],
    )
    .await;
    let first = placed[0]["order_id"].as_str().unwrap();
    let second = placed[1]["order_id"].as_str().unwrap();
    let cooking = app
        .call(
            reqwest::Method::PUT,
            &format!("/api/orders/{first}/cook"),
            None,
            None,
        )
        .await;
    assert_eq!(cooking.status(), 200);
    let reason = serde_json::json!({"reason": "Changed my mind"});
    let cancelled = app
        .call(
            reqwest::Method::PUT,
            &format!("/api/orders/{second}/cancel"),
            None,
            Some(&reason),
        )
        .await;
    assert_eq!(cancelled.status(), 200);
    let position = cancelled.json::<Value>().await.unwrap()["position"]
        .as_i64()
        .unwrap();

    let counts = read(&app, "/api/analytics/orders-by-status?days=1", position).await;
    let counts: Vec<(&str, u64)> = counts
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row["status"].as_str().unwrap(),
                row["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        counts,
        [
            ("pending", 1),
            ("cooking", 1),
            ("ready", 0),
            ("delivering", 0),
            ("delivered", 0),
            ("cancelled", 1),
        ]
    );
    let bad = app.get("/api/analytics/orders-by-status?days=0").await;
    assert_eq!(error_fields(&assert_problem(bad, 422).await), ["days"]);
}

#[tokio::test]
async fn the_overview_is_for_managers_and_counts_todays_orders() {
    let mut app = spawn_app().await;
    let anonymous = app.get("/api/analytics/overview").await;
    assert_problem(anonymous, 401).await;
    let chef = app.session_of("chef").await;
    let as_chef = app
        .call(
            reqwest::Method::GET,
            "/api/analytics/overview",
            Some(&chef),
            None,
        )
        .await;
    assert_problem(as_chef, 403).await;

    app.sign_in("manager").await;
    let (placed, position) = place_all(
        &app,
        &[
            order_of("5551234567", &[("margherita", 2)]),
            order_of("5551234568", &[("funghi", 1)]),
        ],
    )
    .await;
    let overview = read(&app, "/api/analytics/overview?", position).await;
    let today = &overview["today"];
    assert_eq!(today["orders"], 2);
    let total: Decimal = placed
        .iter()
        .map(|order| Decimal::from_str(order["total_amount"].as_str().unwrap()).unwrap())
        .sum();
    let revenue = Decimal::from_str(today["revenue"].as_str().unwrap()).unwrap();
    assert_eq!(revenue, total);
    assert_eq!(today["cancelled"], 0);
    assert_eq!(today["average_preparation_secs"], Value::Null);
    assert_eq!(overview["yesterday"]["orders"], 0);
}

#[tokio::test]
async fn kitchen_performance_times_the_orders_cooked_and_names_their_chef() {
    use reqwest::Method;
    let mut app = spawn_app().await;
    let chef = app.session_of("chef").await;
    let (placed, _) = place_all(&app, &[order_of("5551234567", &[("margherita", 1)])]).await;
    let id = placed[0]["order_id"].as_str().unwrap();
    let mut position = 0;
    for step in ["cook", "ready"] {
        let path = format!("/api/orders/{id}/{step}");
        let moved = app.call(Method::PUT, &path, Some(&chef), None).await;
        assert_eq!(moved.status(), 200, "{step}");
        position = moved.json::<Value>().await.unwrap()["position"]
            .as_i64()
            .unwrap();
    }
    let path = "/api/analytics/kitchen-performance?days=1";
    let as_chef = app.call(Method::GET, path, Some(&chef), None).await;
    assert_problem(as_chef, 403).await;

    app.sign_in("manager").await;
    let performance = read(&app, path, position).await;
    assert_eq!(performance["kitchen"]["orders"], 1);
    assert_eq!(performance["chefs"][0]["chef"], "chef");
    // A margherita's recipe: 12 minutes, and it was ready at once.
    assert_eq!(performance["kitchen"]["average_estimate_secs"], 12 * 60);
    assert_eq!(performance["kitchen"]["on_time_percent"], 100);

    for days in ["0", "32"] {
        let refused = app
            .get(&format!("/api/analytics/kitchen-performance?days={days}"))
            .await;
        assert_eq!(error_fields(&assert_problem(refused, 422).await), ["days"]);
    }
}

#[tokio::test]
async fn driver_performance_times_the_deliveries_of_each_driver() {
    use reqwest::Method;
    let mut app = spawn_app().await;
    let (chef, driver) = (app.session_of("chef").await, app.session_of("driver").await);
    let (placed, _) = place_all(&app, &[order_of("5551234567", &[("margherita", 1)])]).await;
    let id = placed[0]["order_id"].as_str().unwrap();
    let steps = [
        ("cook", &chef, None),
        ("ready", &chef, None),
        (
            "assign",
            &driver,
            Some(serde_json::json!({"driver": "driver"})),
        ),
        ("deliver", &driver, None),
    ];
    let mut position = 0;
    for (step, who, body) in steps {
        let path = format!("/api/orders/{id}/{step}");
        let moved = app.call(Method::PUT, &path, Some(who), body.as_ref()).await;
        assert_eq!(moved.status(), 200, "{step}");
        position = moved.json::<Value>().await.unwrap()["position"]
            .as_i64()
            .unwrap();
    }
    let path = "/api/analytics/driver-performance?days=1";
    assert_problem(app.call(Method::GET, path, Some(&driver), None).await, 403).await;

    app.sign_in("manager").await;
    let performance = read(&app, path, position).await;
    assert_eq!(performance["all"]["deliveries"], 1);
    assert_eq!(performance["drivers"][0]["driver"], "driver");
    assert_eq!(performance["drivers"][0]["figures"]["deliveries"], 1);
    let refused = app.get("/api/analytics/driver-performance?days=32").await;
    assert_eq!(error_fields(&assert_problem(refused, 422).await), ["days"]);
}
