//! `GetOverview` against a hand-computed fixture: events appended with chosen times,
//! projected by the live projector, then read. Today and yesterday are the shop's (UTC
//! here), and each fixture time is a few minutes after its day's midnight, so the test
//! reads the same whatever the time of day it runs at.

use crate::analytics::buckets::first_day_start;
use crate::db::begin_write;
use crate::events::append;
use crate::orders::{
    OrderCancelled, OrderDelivered, OrderEvent, OrderOutForDelivery, OrderPlaced, OrderReady,
};
use crate::testing::test_app;
use app::contracts::{DayFigures, GetOverview, PaymentMethod};
use chrono::{DateTime, TimeDelta, Utc};
use rust_decimal::Decimal;
use uuid::Uuid;

pub(super) fn placed(order_id: Uuid, at: DateTime<Utc>, cents: i64) -> OrderEvent {
    OrderEvent::OrderPlaced(OrderPlaced {
        order_id,
        customer_name: "Ada".into(),
        customer_phone: "+1 555 010 0200".into(),
        customer_address: "1 Main St".into(),
        customer_username: None,
        payment_method: PaymentMethod::Cash,
        lines: Vec::new(),
        total_amount: Decimal::new(cents, 2),
        breakdown: None,
        total_prep_minutes: 12,
        cook_minutes: 12,
        placed_at: at,
        estimated_ready_at: at,
    })
}

pub(super) fn ready(order_id: Uuid, at: DateTime<Utc>) -> OrderEvent {
    OrderEvent::OrderReady(OrderReady {
        order_id,
        at,
        by: None,
    })
}

#[tokio::test]
async fn the_overview_adds_up_today_and_yesterday_to_the_same_time_from_the_events() {
    let app = test_app().await;
    let now = Utc::now();
    let today = first_day_start(1, now, chrono_tz::UTC);
    let yesterday = first_day_start(2, now, chrono_tz::UTC);
    let minute = |start: DateTime<Utc>, minutes: i64| start + TimeDelta::minutes(minutes);
    let (a, b, c, y) = (
        Uuid::from_u128(1),
        Uuid::from_u128(2),
        Uuid::from_u128(3),
        Uuid::from_u128(4),
    );
    let streams: Vec<Vec<OrderEvent>> = vec![
        // Delivered: 15 minutes to prepare, 3 on the road.
        vec![
            placed(a, minute(today, 1), 2000),
            ready(a, minute(today, 16)),
            OrderEvent::OrderOutForDelivery(OrderOutForDelivery {
                order_id: a,
                driver: "luigi".into(),
                at: minute(today, 17),
                by: None,
            }),
            OrderEvent::OrderDelivered(OrderDelivered {
                order_id: a,
                at: minute(today, 20),
                by: None,
            }),
        ],
        // Cancelled: in no figure but the cancellations.
        vec![
            placed(b, minute(today, 2), 1000),
            OrderEvent::OrderCancelled(OrderCancelled {
                order_id: b,
                reason: "changed my mind".into(),
                at: minute(today, 3),
                by: None,
            }),
        ],
        // Ready after 10 minutes.
        vec![
            placed(c, minute(today, 4), 1550),
            ready(c, minute(today, 14)),
        ],
        // Yesterday: ready after 12 minutes.
        vec![
            placed(y, minute(yesterday, 1), 1200),
            ready(y, minute(yesterday, 13)),
        ],
    ];
    let mut tx = begin_write(&app.pool, app.backend).await.unwrap();
    let mut position = 0;
    for events in &streams {
        position = append(&mut tx, None, 0, events).await.unwrap().position;
    }
    tx.commit().await.unwrap();

    let read = GetOverview {
        min_position: Some(position),
    };
    let overview = app.mediator.send(read).await.unwrap().value;

    assert_eq!(overview.since, today);
    assert_eq!(
        overview.today,
        DayFigures {
            orders: 2,
            revenue: Decimal::new(3550, 2),
            average_ticket: Some(Decimal::new(1775, 2)),
            cancelled: 1,
            average_preparation_secs: Some((15 * 60 + 10 * 60) / 2),
            average_delivery_secs: Some(3 * 60),
        }
    );
    assert_eq!(
        overview.yesterday,
        DayFigures {
            orders: 1,
            revenue: Decimal::new(1200, 2),
            average_ticket: Some(Decimal::new(1200, 2)),
            cancelled: 0,
            average_preparation_secs: Some(12 * 60),
            average_delivery_secs: None,
        }
    );
}
