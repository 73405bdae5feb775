//! `GetKitchenPerformance` against a hand-computed fixture: events appended with chosen
//! times, projected by the live projector, then read; and the view rebuilt from the log
//! gives the same answer.

use crate::analytics::buckets::first_day_start;
use crate::db::begin_write;
use crate::events::append;
use crate::orders::{CookingStarted, OrderCancelled, OrderEvent};
use crate::read_side_tests::overview::{placed, ready};
use crate::testing::test_app;
use app::contracts::{ChefFigures, CookingFigures, GetKitchenPerformance, HourCount};
use chrono::{DateTime, TimeDelta, Utc};
use uuid::Uuid;

fn started(order_id: Uuid, at: DateTime<Utc>, chef: &str, minutes: Option<u32>) -> OrderEvent {
    OrderEvent::CookingStarted(CookingStarted {
        order_id,
        at,
        by: Some(chef.into()),
        minutes,
    })
}

#[tokio::test]
async fn kitchen_performance_counts_each_cooked_order_against_its_estimate_and_its_chef() {
    let app = test_app().await;
    let now = Utc::now();
    let today = first_day_start(1, now, chrono_tz::UTC);
    let yesterday = first_day_start(2, now, chrono_tz::UTC);
    let minute = |start: DateTime<Utc>, minutes: i64| start + TimeDelta::minutes(minutes);
    let [a, b, c, y] = [1, 2, 3, 4].map(Uuid::from_u128);
    let streams: Vec<Vec<OrderEvent>> = vec![
        // The chef says 10 minutes; it takes 8: on time.
        vec![
            placed(a, minute(today, 1), 1000),
            started(a, minute(today, 2), "bea", Some(10)),
            ready(a, minute(today, 10)),
        ],
        // The recipes' 12 minutes; it takes 15: late.
        vec![
            placed(b, minute(today, 1), 1000),
            started(b, minute(today, 3), "carlo", None),
            ready(b, minute(today, 18)),
        ],
        // Cancelled in the oven: never cooked.
        vec![
            placed(c, minute(today, 4), 1000),
            started(c, minute(today, 5), "bea", None),
            OrderEvent::OrderCancelled(OrderCancelled {
                order_id: c,
                reason: "burnt".into(),
                at: minute(today, 6),
                by: None,
            }),
        ],
        // Yesterday's, outside a one-day look-back.
        vec![
            placed(y, minute(yesterday, 1), 1000),
            started(y, minute(yesterday, 2), "bea", None),
            ready(y, minute(yesterday, 5)),
        ],
    ];
    let mut tx = begin_write(&app.pool, app.backend).await.unwrap();
    let mut position = 0;
    for events in &streams {
        position = append(&mut tx, None, 0, events).await.unwrap().position;
    }
    tx.commit().await.unwrap();

    let query = GetKitchenPerformance {
        days: 1,
        min_position: Some(position),
    };
    let performance = app.mediator.send(query).await.unwrap().value;
    let figures = |orders, average, p90, estimate, on_time| CookingFigures {
        orders,
        average_cooking_secs: Some(average),
        p90_cooking_secs: Some(p90),
        average_estimate_secs: Some(estimate),
        on_time_percent: Some(on_time),
    };
    assert_eq!(performance.kitchen, figures(2, 690, 900, 660, 50));
    assert_eq!(
        performance.busiest_hour,
        Some(HourCount { hour: 0, orders: 2 })
    );
    assert_eq!(
        performance.chefs,
        [
            ChefFigures {
                chef: "bea".into(),
                figures: figures(1, 480, 480, 600, 100),
            },
            ChefFigures {
                chef: "carlo".into(),
                figures: figures(1, 900, 900, 720, 0),
            },
        ]
    );
    // Two days back, yesterday's order counts too.
    let query = GetKitchenPerformance {
        days: 2,
        min_position: None,
    };
    let two_days = app.mediator.send(query).await.unwrap().value;
    assert_eq!(two_days.kitchen.orders, 3);
}
