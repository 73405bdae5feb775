//! The ready-time estimate and the overload rule through `PlaceOrder`, on a real
//! database: each order's estimate counts the queue ahead of it as the kitchen moves it
//! (cooking started, an order cancelled), an order's estimate follows the queue when read
//! again, and an order that would wait longer than the
//! shop allows is refused with 503 before its card is charged.

use crate::kitchen::KitchenLimits;
use crate::kitchen::workload::wait_minutes;
use crate::testing::{TestApp, an_order, test_app_with_kitchen, test_card};
use app::contracts::{CancelOrder, GetOrderStatus, PaymentMethod, PlaceOrder, StartCooking};
use chrono::Utc;
use uuid::Uuid;

/// A kitchen cooking one order at a time.
fn one_oven(max_wait_minutes: Option<u32>) -> KitchenLimits {
    KitchenLimits {
        capacity: 1,
        max_wait_minutes,
    }
}

/// Places `order`; answers its id and how many minutes it was told to wait, once the
/// views include it.
async fn placed_waiting(app: &TestApp, order: PlaceOrder) -> (Uuid, i64) {
    let now = Utc::now();
    let placed = app.mediator.send(order).await.unwrap().value;
    app.views.wait_for(Some(placed.position)).await.unwrap();
    (
        placed.order_id,
        wait_minutes(now, placed.estimated_ready_time),
    )
}

/// Whether `minutes` is `expected`, give or take the minute the test itself takes.
fn about(minutes: i64, expected: i64) -> bool {
    (expected - 1..=expected).contains(&minutes)
}

#[tokio::test]
async fn each_estimate_counts_the_queue_ahead_as_the_kitchen_moves_it() {
    let app = test_app_with_kitchen(one_oven(None)).await;
    // A margherita takes 12 minutes, a pepperoni 14.
    let (first, waited) =
        placed_waiting(&app, an_order("555 010 0800", &[("margherita", 1)])).await;
    assert!(about(waited, 12), "{waited}");
    let (second, waited) =
        placed_waiting(&app, an_order("555 010 0801", &[("pepperoni", 1)])).await;
    assert!(about(waited, 12 + 14), "{waited}");

    let cooking = app
        .mediator
        .send(StartCooking {
            order_id: first,
            minutes: None,
        })
        .await
        .unwrap();
    app.views
        .wait_for(Some(cooking.value.position))
        .await
        .unwrap();
    let (third, waited) =
        placed_waiting(&app, an_order("555 010 0802", &[("margherita", 1)])).await;
    // What is left of the first, the second, then its own.
    assert!(about(waited, 12 + 14 + 12), "{waited}");

    let cancel = CancelOrder {
        order_id: second,
        reason: "Changed their mind".into(),
    };
    let cancelled = app.mediator.send(cancel).await.unwrap();
    app.views
        .wait_for(Some(cancelled.value.position))
        .await
        .unwrap();
    // The third order's estimate moves up as the second leaves the queue.
    let status = app
        .mediator
        .send(GetOrderStatus {
            order_id: third,
            min_position: None,
        })
        .await
        .unwrap()
        .value;
    let now_waits = wait_minutes(Utc::now(), status.estimated_ready_time);
    assert!(about(now_waits, 12 + 12), "{now_waits}");
    let (_, waited) = placed_waiting(&app, an_order("555 010 0803", &[("margherita", 1)])).await;
    assert!(about(waited, 12 + 12 + 12), "{waited}");
}

#[tokio::test]
async fn an_order_that_would_wait_too_long_is_refused_with_503_before_any_charge() {
    let app = test_app_with_kitchen(one_oven(Some(20))).await;
    let (_, waited) = placed_waiting(&app, an_order("555 010 0810", &[("margherita", 1)])).await;
    assert!(about(waited, 12), "{waited}");

    let by_card = PlaceOrder {
        payment_method: PaymentMethod::Card,
        card: Some(test_card("4242 4242 4242 4242")),
        ..an_order("555 010 0811", &[("margherita", 1)])
    };
    let refused = app.mediator.send(by_card).await.unwrap_err();

    assert_eq!(refused.code(), 503);
    assert!(
        refused
            .detail
            .starts_with("Kitchen is at capacity. Estimated wait time is 2"),
        "{}",
        refused.detail
    );
    let retry_after = refused.retry_after_secs.unwrap();
    assert!((60..=300).contains(&retry_after), "{retry_after}");
    let (payments,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM payments")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        payments, 1,
        "the first order's charge, and none for the second"
    );
    let (orders,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM orders")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(orders, 1);
}

#[tokio::test]
async fn the_chefs_minutes_in_the_oven_move_the_orders_estimate_and_the_queue_behind_it() {
    let app = test_app_with_kitchen(one_oven(None)).await;
    // A margherita takes 12 minutes by its recipe; the chef says 30.
    let (first, waited) =
        placed_waiting(&app, an_order("555 010 0820", &[("margherita", 1)])).await;
    assert!(about(waited, 12), "{waited}");
    let start = StartCooking {
        order_id: first,
        minutes: Some(30),
    };
    let cooking = app.mediator.send(start).await.unwrap();
    let min_position = Some(cooking.value.position);
    let read = GetOrderStatus {
        order_id: first,
        min_position,
    };
    let status = app.mediator.send(read).await.unwrap().value;
    let waits = wait_minutes(Utc::now(), status.estimated_ready_time);
    assert!(about(waits, 30), "{waits}");
    let stream = crate::orders::order_stream(first);
    let started = app.last_payload(&stream).await;
    assert_eq!(started["minutes"], 30, "{started}");
    // The next order waits for the chef's 30 minutes, not the recipe's 12.
    let (_, waited) = placed_waiting(&app, an_order("555 010 0821", &[("margherita", 1)])).await;
    assert!(about(waited, 30 + 12), "{waited}");

    // Out of range: refused naming the field, and the order still waits.
    let (waiting, _) = placed_waiting(&app, an_order("555 010 0822", &[("margherita", 1)])).await;
    for minutes in [0, 181] {
        let start = StartCooking {
            order_id: waiting,
            minutes: Some(minutes),
        };
        let refused = app.mediator.send(start).await.unwrap_err();
        assert_eq!(refused.code(), 422);
        assert_eq!(refused.errors[0].field, "minutes");
    }
}
