//! The delivery board as orders move along: only `ready` and `delivering` orders, with
//! what a driver needs, ready ones first; delivered and cancelled ones gone.

use super::support::{ADA, BOB, ask, place, step};
use crate::testing::{TestApp, test_app};
use OrderStatus::*;
use app::contracts::{
    AssignDelivery, CancelOrder, DeliveryTicket, GetDeliveryBoard, GetOrder, MarkOrderDelivered,
    MarkOrderReady, OrderStatus, PaymentMethod, StartCooking,
};
use rust_decimal::Decimal;
use uuid::Uuid;

/// The board as of `position`.
async fn board(app: &TestApp, position: i64) -> Vec<DeliveryTicket> {
    let min_position = Some(position);
    ask(app, GetDeliveryBoard { min_position }).await
}

/// (order, status, driver) of every ticket on the board as of `position`.
async fn lanes(app: &TestApp, position: i64) -> Vec<(Uuid, OrderStatus, Option<String>)> {
    let tickets = board(app, position).await;
    tickets
        .into_iter()
        .map(|t| (t.order_id, t.status, t.driver))
        .collect()
}

/// Cooks the order and takes it out of the oven; returns the last position.
async fn make_ready(app: &TestApp, order_id: Uuid) -> i64 {
    step(
        app,
        StartCooking {
            order_id,
            minutes: None,
        },
    )
    .await;
    step(app, MarkOrderReady { order_id }).await
}

/// `driver` takes the (ready) order out; returns the position.
async fn send_out(app: &TestApp, order_id: Uuid, driver: &str) -> i64 {
    let driver = driver.to_owned();
    step(app, AssignDelivery { order_id, driver }).await
}

#[tokio::test]
async fn a_ready_order_is_on_the_board_with_where_to_go_and_what_to_collect() {
    let app = test_app().await;
    let (order_id, _) = place(&app, ADA, &[("margherita", 2), ("funghi", 1)]).await;
    let position = make_ready(&app, order_id).await;

    let tickets = board(&app, position).await;
    assert_eq!(tickets.len(), 1);
    let ticket = &tickets[0];
    assert_eq!((ticket.order_id, ticket.status), (order_id, Ready));
    assert_eq!(
        (
            ticket.customer_name.as_str(),
            ticket.customer_phone.as_str(),
            ticket.customer_address.as_str()
        ),
        ("Ada", ADA, "1 Main St")
    );
    assert_eq!(ticket.payment_method, PaymentMethod::Card);
    assert_eq!(ticket.total_amount, Decimal::new(3397, 2));
    assert_eq!(ticket.pizza_count, 3);
    assert_eq!((ticket.driver.as_deref(), ticket.out_at), (None, None));
    let min_position = Some(position);
    let order = ask(
        &app,
        GetOrder {
            order_id,
            min_position,
        },
    )
    .await;
    let ready = order.timeline.iter().find(|s| s.status == Ready).unwrap();
    assert_eq!(ticket.ready_at, ready.at);
}

#[tokio::test]
async fn orders_still_in_the_kitchen_are_not_on_the_board() {
    let app = test_app().await;
    let (order_id, _) = place(&app, ADA, &[("margherita", 1)]).await;
    place(&app, BOB, &[("funghi", 1)]).await;
    let position = step(
        &app,
        StartCooking {
            order_id,
            minutes: None,
        },
    )
    .await;

    assert_eq!(board(&app, position).await, []);
}

#[tokio::test]
async fn an_order_taken_out_is_delivering_with_its_driver_and_when_they_left() {
    let app = test_app().await;
    let (order_id, _) = place(&app, ADA, &[("margherita", 1)]).await;
    make_ready(&app, order_id).await;
    let position = send_out(&app, order_id, "Luigi").await;

    let tickets = board(&app, position).await;
    assert_eq!(tickets.len(), 1);
    let ticket = &tickets[0];
    assert_eq!(
        (ticket.status, ticket.driver.as_deref()),
        (Delivering, Some("Luigi"))
    );
    let out_at = ticket.out_at.expect("the time it went out");
    assert!(ticket.ready_at <= out_at);
    assert_eq!(ticket.customer_address, "1 Main St");
}

#[tokio::test]
async fn delivered_and_cancelled_orders_leave_the_board() {
    let app = test_app().await;
    let mut orders = Vec::new();
    for _ in 0..4 {
        let (order_id, _) = place(&app, ADA, &[("margherita", 1)]).await;
        make_ready(&app, order_id).await;
        orders.push(order_id);
    }
    let [kept, cancelled_ready, cancelled_out, delivered] = orders[..] else {
        unreachable!("four orders")
    };
    let reason = || "Customer not answering".to_owned();
    step(
        &app,
        CancelOrder {
            order_id: cancelled_ready,
            reason: reason(),
        },
    )
    .await;
    send_out(&app, cancelled_out, "Luigi").await;
    step(
        &app,
        CancelOrder {
            order_id: cancelled_out,
            reason: reason(),
        },
    )
    .await;
    send_out(&app, delivered, "Luigi").await;
    let position = step(
        &app,
        MarkOrderDelivered {
            order_id: delivered,
        },
    )
    .await;

    assert_eq!(lanes(&app, position).await, [(kept, Ready, None)]);
}

#[tokio::test]
async fn ready_orders_come_longest_waiting_first_then_those_out_longest_on_the_road() {
    let app = test_app().await;
    let mut orders = Vec::new();
    for _ in 0..4 {
        let (order_id, _) = place(&app, BOB, &[("funghi", 1)]).await;
        step(
            &app,
            StartCooking {
                order_id,
                minutes: None,
            },
        )
        .await;
        orders.push(order_id);
    }
    let [a, b, c, d] = orders[..] else {
        unreachable!("four orders")
    };
    for order_id in [b, d, a, c] {
        step(&app, MarkOrderReady { order_id }).await;
    }
    send_out(&app, d, "Luigi").await;
    let position = send_out(&app, b, "Mario").await;

    let luigi = Some("Luigi".to_owned());
    let mario = Some("Mario".to_owned());
    let expected = [
        (a, Ready, None),
        (c, Ready, None),
        (d, Delivering, luigi),
        (b, Delivering, mario),
    ];
    assert_eq!(lanes(&app, position).await, expected);
}
