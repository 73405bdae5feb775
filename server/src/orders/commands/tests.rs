//! The lifecycle commands through the server's mediator, against a real database (SQLite,
//! or PostgreSQL when `TEST_DATABASE_URL` is set): the statuses they reach, the events they
//! append, what they refuse, and two of them racing on one order.

use crate::db::begin_write;
use crate::events::append;
use crate::orders::commands::transition::advance;
use crate::orders::events::order_stream;
use crate::orders::{CookingStarted, OrderEvent};
use crate::testing::{self, TestApp, test_app};
use OrderStatus::*;
use app::contracts::{
    AssignDelivery, CancelOrder, MarkOrderDelivered, MarkOrderReady, OrderStatus,
    OrderStatusChanged, StartCooking,
};
use mediator::Outcome;
use uuid::Uuid;

/// A lifecycle command, so that tests can loop over them. Not `lifecycle::Transition`:
/// these tests check the handlers against the rules written out again here ([`allowed`]),
/// an oracle independent of the code under test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Cook,
    Ready,
    Deliver,
    Delivered,
    Cancel,
}

const STEPS: [Step; 5] = [
    Step::Cook,
    Step::Ready,
    Step::Deliver,
    Step::Delivered,
    Step::Cancel,
];

/// Sends `step` for the order.
async fn send(app: &TestApp, order_id: Uuid, step: Step) -> Outcome<OrderStatusChanged> {
    let mediator = &app.mediator;
    match step {
        Step::Cook => {
            mediator
                .send(StartCooking {
                    order_id,
                    minutes: None,
                })
                .await
        }
        Step::Ready => mediator.send(MarkOrderReady { order_id }).await,
        Step::Deliver => {
            let driver = " Luigi ".into();
            mediator.send(AssignDelivery { order_id, driver }).await
        }
        Step::Delivered => mediator.send(MarkOrderDelivered { order_id }).await,
        Step::Cancel => {
            let reason = " Out of dough ".into();
            mediator.send(CancelOrder { order_id, reason }).await
        }
    }
}

/// Places an order for one medium margherita; returns its id.
async fn place_order(app: &TestApp) -> Uuid {
    testing::place_order(app, "+1 555 010 0200", &[("margherita", 1)])
        .await
        .0
}

/// A new order brought to `status` by the commands staff would send.
async fn order_in(app: &TestApp, status: OrderStatus) -> Uuid {
    let order_id = place_order(app).await;
    let steps: &[Step] = match status {
        Pending => &[],
        Cooking => &[Step::Cook],
        Ready => &[Step::Cook, Step::Ready],
        Delivering => &[Step::Cook, Step::Ready, Step::Deliver],
        Delivered => &[Step::Cook, Step::Ready, Step::Deliver, Step::Delivered],
        Cancelled => &[Step::Cancel],
    };
    for &step in steps {
        send(app, order_id, step)
            .await
            .expect("a step on the happy path");
    }
    order_id
}

/// The order's status and version as the `orders` table holds them.
async fn stored(app: &TestApp, order_id: Uuid) -> (String, i64) {
    sqlx::query_as("SELECT status, version FROM orders WHERE id = $1")
        .bind(order_id.to_string())
        .fetch_one(&app.pool)
        .await
        .expect("the order is stored")
}

fn allowed(from: OrderStatus, step: Step) -> bool {
    matches!(
        (from, step),
        (Pending, Step::Cook)
            | (Cooking, Step::Ready)
            | (Ready, Step::Deliver)
            | (Delivering, Step::Delivered)
            | (Pending | Cooking | Ready | Delivering, Step::Cancel)
    )
}

#[tokio::test]
async fn an_order_goes_from_pending_to_delivered_and_each_step_reports_a_later_position() {
    let app = test_app().await;
    let order_id = place_order(&app).await;
    let mut last_position = app.event_count().await;
    let expected = [Cooking, Ready, Delivering, Delivered];
    for (step, status) in STEPS[..4].iter().zip(expected) {
        let done = send(&app, order_id, *step)
            .await
            .expect("the step is allowed");
        assert_eq!(done.code(), 200);
        assert_eq!((done.value.order_id, done.value.status), (order_id, status));
        assert!(done.value.position > last_position, "{step:?}");
        last_position = done.value.position;
    }
    assert_eq!(stored(&app, order_id).await, ("delivered".into(), 5));
    let events = app.events_of(&order_stream(order_id)).await;
    let expected = [
        "OrderPlaced",
        "CookingStarted",
        "OrderReady",
        "OrderOutForDelivery",
        "OrderDelivered",
    ];
    assert_eq!(events, expected);
}

#[tokio::test]
async fn a_step_the_status_forbids_is_a_409_naming_the_status_and_changes_nothing() {
    let app = test_app().await;
    for status in OrderStatus::ALL {
        let order_id = order_in(&app, status).await;
        let before = (stored(&app, order_id).await, app.event_count().await);
        for step in STEPS.into_iter().filter(|&step| !allowed(status, step)) {
            let problem = send(&app, order_id, step).await.expect_err("refused");
            assert_eq!(problem.code(), 409, "{status:?} + {step:?}");
            let named = format!("An order that is {} cannot", status.as_str());
            assert!(problem.detail.starts_with(&named), "{}", problem.detail);
            let after = (stored(&app, order_id).await, app.event_count().await);
            assert_eq!(after, before, "{status:?} + {step:?}");
        }
    }
}

#[tokio::test]
async fn an_order_can_be_cancelled_at_every_status_before_delivery() {
    let app = test_app().await;
    for status in [Pending, Cooking, Ready, Delivering] {
        let order_id = order_in(&app, status).await;
        let done = send(&app, order_id, Step::Cancel).await.expect("cancelled");
        assert_eq!(done.value.status, Cancelled, "from {status:?}");
        assert_eq!(stored(&app, order_id).await.0, "cancelled");
        let event = app.last_payload(&order_stream(order_id)).await;
        assert_eq!(event["reason"], "Out of dough");
    }
}

#[tokio::test]
async fn a_delivered_order_cannot_be_cancelled() {
    let app = test_app().await;
    let order_id = order_in(&app, Delivered).await;
    let problem = send(&app, order_id, Step::Cancel).await.unwrap_err();
    assert_eq!(problem.code(), 409);
    assert_eq!(
        problem.detail,
        "An order that is delivered cannot be cancelled."
    );
}

#[tokio::test]
async fn the_delivery_event_names_the_driver() {
    let app = test_app().await;
    let order_id = order_in(&app, Delivering).await;
    let event = app.last_payload(&order_stream(order_id)).await;
    assert_eq!(event["driver"], "Luigi");
}

#[tokio::test]
async fn every_step_for_an_unknown_order_is_a_404() {
    let app = test_app().await;
    let before = app.event_count().await;
    for step in STEPS {
        let problem = send(&app, Uuid::new_v4(), step).await.unwrap_err();
        assert_eq!(problem.code(), 404, "{step:?}");
    }
    assert_eq!(app.event_count().await, before);
}

#[tokio::test]
async fn a_blank_driver_or_an_overlong_reason_is_a_422_and_changes_nothing() {
    let app = test_app().await;
    let order_id = order_in(&app, Ready).await;
    let driver = "   ".into();
    let problem = app
        .mediator
        .send(AssignDelivery { order_id, driver })
        .await
        .unwrap_err();
    assert_eq!(
        (problem.code(), problem.errors[0].field.as_str()),
        (422, "driver")
    );
    let reason = "x".repeat(201);
    let problem = app
        .mediator
        .send(CancelOrder { order_id, reason })
        .await
        .unwrap_err();
    assert_eq!(
        (problem.code(), problem.errors[0].field.as_str()),
        (422, "reason")
    );
    assert_eq!(stored(&app, order_id).await, ("ready".into(), 3));
}

/// Sends `first` and `second` for one order at the same time; checks that exactly one
/// went through, that the other is a 409, and that one event was appended.
async fn race(app: &TestApp, from: OrderStatus, first: Step, second: Step) {
    let order_id = order_in(app, from).await;
    let events_before = app.events_of(&order_stream(order_id)).await.len();
    let (a, b) = tokio::join!(send(app, order_id, first), send(app, order_id, second));
    let (winner, loser) = match (a, b) {
        (Ok(winner), Err(loser)) | (Err(loser), Ok(winner)) => (winner, loser),
        other => panic!("exactly one must succeed: {other:?}"),
    };
    assert_eq!(loser.code(), 409, "{}", loser.detail);
    let events = app.events_of(&order_stream(order_id)).await;
    assert_eq!(events.len(), events_before + 1);
    let (status, version) = stored(app, order_id).await;
    assert_eq!(status, winner.value.status.as_str());
    assert_eq!(version, events.len() as i64);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn of_two_concurrent_starts_exactly_one_goes_through() {
    let app = test_app().await;
    for _ in 0..5 {
        race(&app, Pending, Step::Cook, Step::Cook).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delivering_and_cancelling_at_once_lets_exactly_one_through() {
    let app = test_app().await;
    for _ in 0..5 {
        race(&app, Delivering, Step::Delivered, Step::Cancel).await;
    }
}

/// SQLite runs one writer at a time, so the races above never reach the version checks;
/// this takes them on directly, as a command that read a stale version would.
#[tokio::test]
async fn a_command_holding_a_stale_version_can_neither_move_the_order_nor_append() {
    let app = test_app().await;
    let order_id = order_in(&app, Cooking).await;
    let mut tx = begin_write(&app.pool, app.backend).await.unwrap();
    let moved = advance(&mut tx, order_id, Cooking, 1, 1).await.unwrap();
    assert!(!moved, "version 1 is stale: the order is at 2");
    let event = OrderEvent::CookingStarted(CookingStarted {
        order_id,
        at: crate::events::now(),
        by: None,
        minutes: None,
    });
    let problem = append(&mut tx, None, 1, &[event]).await.unwrap_err();
    assert_eq!(problem.code(), 409);
    tx.rollback().await.unwrap();
    assert_eq!(stored(&app, order_id).await, ("cooking".into(), 2));
}

/// The correlation ids stored with the events of `stream`, oldest first.
async fn correlation_ids(app: &TestApp, stream: &str) -> Vec<Option<String>> {
    let rows: Vec<(Option<String>,)> = sqlx::query_as(
        "SELECT correlation_id FROM events WHERE stream_id = $1 ORDER BY stream_version",
    )
    .bind(stream)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    rows.into_iter().map(|(id,)| id).collect()
}

#[tokio::test]
async fn every_request_stamps_its_events_with_its_own_correlation_id() {
    let app = test_app().await;
    let order_id = place_order(&app).await;
    app.mediator
        .send(StartCooking {
            order_id,
            minutes: None,
        })
        .await
        .unwrap();
    let ids = correlation_ids(&app, &format!("order-{order_id}")).await;
    assert_eq!(ids.len(), 2);
    let parsed: Vec<Uuid> = ids
        .iter()
        .map(|id| Uuid::parse_str(id.as_deref().unwrap()).unwrap())
        .collect();
    assert_ne!(parsed[0], parsed[1], "two requests, two correlation ids");
}

#[tokio::test]
async fn a_correlation_id_set_by_the_sender_is_kept() {
    use crate::events::correlation::CorrelationId;
    use app::contracts::{Caller, StaffRole, StaffUser};
    let app = test_app().await;
    let order_id = place_order(&app).await;
    let given = Uuid::new_v4();
    let manager = Caller::Staff(StaffUser {
        username: "manager".into(),
        role: StaffRole::Manager,
    });
    let ctx = mediator::Context::new()
        .with(manager)
        .with(CorrelationId(given));
    app.mediator
        .0
        .send_with(
            StartCooking {
                order_id,
                minutes: None,
            },
            ctx,
        )
        .await
        .unwrap();
    let ids = correlation_ids(&app, &format!("order-{order_id}")).await;
    assert_eq!(ids[1].as_deref(), Some(given.to_string().as_str()));
}

#[tokio::test]
async fn each_step_records_the_member_of_staff_who_took_it_and_the_timeline_names_them() {
    use app::contracts::{Caller, GetOrder, StaffRole, StaffUser};
    let staff = |username: &str, role| {
        mediator::Context::new().with(Caller::Staff(StaffUser {
            username: username.into(),
            role,
        }))
    };
    let app = test_app().await;
    let order_id = place_order(&app).await;
    let cook = StartCooking {
        order_id,
        minutes: None,
    };
    app.mediator
        .0
        .send_with(cook, staff("mario", StaffRole::Chef))
        .await
        .unwrap();
    let cancel = CancelOrder {
        order_id,
        reason: "Oven broke".into(),
    };
    let cancelled = app
        .mediator
        .0
        .send_with(cancel, staff("anna", StaffRole::Manager))
        .await
        .unwrap();
    let read = GetOrder {
        order_id,
        min_position: Some(cancelled.value.position),
    };
    let order = app.mediator.send(read).await.unwrap().value;
    let steps: Vec<(OrderStatus, Option<&str>)> = order
        .timeline
        .iter()
        .filter(|entry| entry.payment.is_none())
        .map(|entry| (entry.status, entry.by.as_deref()))
        .collect();
    assert_eq!(
        steps,
        [
            (Pending, None),
            (Cooking, Some("mario")),
            (Cancelled, Some("anna"))
        ]
    );

    // The customer's own cancellation names no one.
    let other = place_order(&app).await;
    let cancel = CancelOrder {
        order_id: other,
        reason: "Changed my mind".into(),
    };
    let guest = mediator::Context::new();
    let cancelled = app.mediator.0.send_with(cancel, guest).await.unwrap();
    let position = cancelled.value.position;
    let read = GetOrder {
        order_id: other,
        min_position: Some(position),
    };
    let order = app.mediator.send(read).await.unwrap().value;
    assert!(order.timeline.iter().all(|entry| entry.by.is_none()));
}
