//! `GetDriverPerformance` against a hand-computed fixture: events appended with chosen
//! times, projected by the live projector, then read.

use crate::analytics::buckets::first_day_start;
use crate::db::begin_write;
use crate::events::append;
use crate::orders::{OrderCancelled, OrderDelivered, OrderEvent, OrderOutForDelivery};
use crate::read_side_tests::overview::placed;
use crate::testing::test_app;
use app::contracts::{DriverFigures, GetDriverPerformance, RoadFigures};
use chrono::{DateTime, TimeDelta, Utc};
use uuid::Uuid;

/// An order placed at `start`, out with `driver` at minute `out`, and delivered at
/// minute `delivered` (or cancelled then, when `None` is delivered).
fn trip(
    order_id: Uuid,
    start: DateTime<Utc>,
    driver: &str,
    out: i64,
    delivered: Option<i64>,
) -> Vec<OrderEvent> {
    let minute = |minutes: i64| start + TimeDelta::minutes(minutes);
    let end = match delivered {
        Some(at) => OrderEvent::OrderDelivered(OrderDelivered {
            order_id,
            at: minute(at),
            by: Some(driver.into()),
        }),
        None => OrderEvent::OrderCancelled(OrderCancelled {
            order_id,
            reason: "no one home".into(),
            at: minute(out + 1),
            by: None,
        }),
    };
    vec![
        placed(order_id, minute(1), 1000),
        OrderEvent::OrderOutForDelivery(OrderOutForDelivery {
            order_id,
            driver: driver.into(),
            at: minute(out),
            by: Some(driver.into()),
        }),
        end,
    ]
}

#[tokio::test]
async fn driver_performance_times_each_delivery_from_out_the_door_to_delivered() {
    let app = test_app().await;
    let now = Utc::now();
    let today = first_day_start(1, now, chrono_tz::UTC);
    let yesterday = first_day_start(2, now, chrono_tz::UTC);
    let [a, b, c, d, y] = [1, 2, 3, 4, 5].map(Uuid::from_u128);
    let streams = [
        trip(a, today, "luigi", 10, Some(22)),
        trip(b, today, "luigi", 11, Some(19)),
        trip(c, today, "mario", 12, Some(40)),
        trip(d, today, "mario", 13, None),
        trip(y, yesterday, "mario", 5, Some(10)),
    ];
    let mut tx = begin_write(&app.pool, app.backend).await.unwrap();
    let mut position = 0;
    for events in &streams {
        position = append(&mut tx, None, 0, events).await.unwrap().position;
    }
    tx.commit().await.unwrap();

    let query = GetDriverPerformance {
        days: 1,
        min_position: Some(position),
    };
    let performance = app.mediator.send(query).await.unwrap().value;
    let figures = |deliveries, average, p90| RoadFigures {
        deliveries,
        average_road_secs: Some(average),
        p90_road_secs: Some(p90),
    };
    assert_eq!(performance.all, figures(3, 960, 1680));
    assert_eq!(
        performance.drivers,
        [
            DriverFigures {
                driver: "luigi".into(),
                figures: figures(2, 600, 720),
            },
            DriverFigures {
                driver: "mario".into(),
                figures: figures(1, 1680, 1680),
            },
        ]
    );
    let query = GetDriverPerformance {
        days: 2,
        min_position: None,
    };
    let two_days = app.mediator.send(query).await.unwrap().value;
    assert_eq!(two_days.all.deliveries, 4);
}
