//! Orders moving along their lifecycle, as the order, kitchen, customer and analytics
//! views show them.

use super::support::{ADA, ADA_AGAIN, BOB, ask, place, step};
use crate::db::begin_write;
use crate::events::{DomainEvent, append, stream_version};
use crate::orders::{OrderCancelled, OrderEvent};
use crate::testing::{TestApp, test_app};
use OrderStatus::*;
use app::contracts::{
    AssignDelivery, CancelOrder, CustomerHistory, GetCustomerHistory, GetKitchenQueue, GetOrder,
    GetOrderStatus, GetPopularPizzas, GetRevenue, ListOrders, MarkOrderDelivered, MarkOrderReady,
    OrderDetails, OrderStatus, StartCooking, TimeBucket,
};
use chrono::Utc;
use uuid::Uuid;

/// (order, status) of every ticket in the kitchen queue as of `position`.
async fn queue(app: &TestApp, position: i64) -> Vec<(Uuid, OrderStatus)> {
    let min_position = Some(position);
    let tickets = ask(app, GetKitchenQueue { min_position }).await;
    tickets.iter().map(|t| (t.order_id, t.status)).collect()
}

async fn order(app: &TestApp, order_id: Uuid, position: i64) -> OrderDetails {
    let min_position = Some(position);
    ask(
        app,
        GetOrder {
            order_id,
            min_position,
        },
    )
    .await
}

async fn history(app: &TestApp, phone: &str, position: i64) -> CustomerHistory {
    let mut query = GetCustomerHistory::new(phone);
    query.min_position = Some(position);
    ask(app, query).await
}

/// (pizza, quantity, orders) sold today, most first, as of `position`.
async fn sold_today(app: &TestApp, position: i64) -> Vec<(String, u64, u64)> {
    let min_position = Some(position);
    let query = GetPopularPizzas {
        days: 1,
        limit: 10,
        min_position,
    };
    let pizzas = ask(app, query).await;
    pizzas
        .into_iter()
        .map(|p| (p.pizza_id, p.quantity, p.orders))
        .collect()
}

/// Today's revenue and order count, as of `position`.
async fn revenue_today(app: &TestApp, position: i64) -> (String, u64) {
    let now = Utc::now();
    let min_position = Some(position);
    let query = GetRevenue {
        from: now,
        to: now,
        bucket: TimeBucket::Day,
        min_position,
    };
    let buckets = ask(app, query).await;
    assert_eq!(buckets.len(), 1);
    (buckets[0].revenue.to_string(), buckets[0].order_count)
}

/// Cooks, readies, sends out (with Luigi) and delivers the order; returns the last position.
async fn deliver(app: &TestApp, order_id: Uuid) -> i64 {
    step(
        app,
        StartCooking {
            order_id,
            minutes: None,
        },
    )
    .await;
    step(app, MarkOrderReady { order_id }).await;
    let driver = "Luigi".to_owned();
    step(app, AssignDelivery { order_id, driver }).await;
    step(app, MarkOrderDelivered { order_id }).await
}

#[tokio::test]
async fn the_kitchen_queue_shows_cooking_orders_and_drops_them_once_ready() {
    let app = test_app().await;
    let (order_id, _) = place(&app, ADA, &[("margherita", 1)]).await;
    let (other, _) = place(&app, BOB, &[("funghi", 2)]).await;
    let cooking = step(
        &app,
        StartCooking {
            order_id,
            minutes: None,
        },
    )
    .await;
    let expected = [(order_id, Cooking), (other, Pending)];
    assert_eq!(queue(&app, cooking).await, expected);
    let ready = step(&app, MarkOrderReady { order_id }).await;
    assert_eq!(queue(&app, ready).await, [(other, Pending)]);
}

#[tokio::test]
async fn a_delivered_order_shows_every_step_in_its_timeline_and_lists_as_delivered() {
    let app = test_app().await;
    let (order_id, _) = place(&app, ADA, &[("margherita", 1)]).await;
    let position = deliver(&app, order_id).await;

    let details = order(&app, order_id, position).await;
    let steps: Vec<_> = details
        .timeline
        .iter()
        .map(|s| (s.status, s.note.as_deref()))
        .collect();
    let luigi = Some("Luigi");
    let expected = [
        (Pending, None),
        (Cooking, None),
        (Ready, None),
        (Delivering, luigi),
        (Delivered, None),
    ];
    assert_eq!(steps, expected);
    assert!(details.timeline.windows(2).all(|w| w[0].at <= w[1].at));
    assert_eq!(details.status, Delivered);
    let min_position = Some(position);
    let status = ask(
        &app,
        GetOrderStatus {
            order_id,
            min_position,
        },
    )
    .await;
    assert_eq!(status.status, Delivered);
    let delivered = ListOrders {
        status: Some(Delivered),
        min_position,
        ..ListOrders::default()
    };
    let listed: Vec<_> = ask(&app, delivered)
        .await
        .items
        .iter()
        .map(|o| o.order_id)
        .collect();
    assert_eq!(listed, [order_id]);
}

#[tokio::test]
async fn a_cancelled_order_leaves_the_queue_and_its_timeline_says_why() {
    let app = test_app().await;
    let (kept, _) = place(&app, ADA, &[("margherita", 2)]).await;
    let (order_id, _) = place(&app, BOB, &[("pepperoni", 3)]).await;
    let reason = "Out of dough".to_owned();
    let position = step(&app, CancelOrder { order_id, reason }).await;

    assert_eq!(queue(&app, position).await, [(kept, Pending)]);
    let details = order(&app, order_id, position).await;
    // The last step of the order itself (its card refund follows it).
    let last = details
        .timeline
        .iter()
        .rev()
        .find(|step| step.payment.is_none());
    let last = last.unwrap();
    let expected = (Cancelled, Some("Out of dough"));
    assert_eq!((last.status, last.note.as_deref()), expected);
}

#[tokio::test]
async fn a_cancelled_order_counts_in_no_customer_or_sales_total() {
    let app = test_app().await;
    place(&app, ADA, &[("margherita", 2)]).await;
    let (order_id, _) = place(&app, ADA_AGAIN, &[("pepperoni", 3)]).await;
    let reason = "Out of dough".to_owned();
    let position = step(&app, CancelOrder { order_id, reason }).await;

    let history = history(&app, ADA, position).await;
    let totals = (history.order_count, history.total_spent.to_string());
    assert_eq!(totals, (1, "21.98".into()));
    let top: Vec<_> = history
        .top_pizzas
        .iter()
        .map(|p| (p.pizza_id.as_str(), p.quantity))
        .collect();
    assert_eq!(top, [("margherita", 2)]);
    assert_eq!(history.orders.total, 2, "a cancelled order is still listed");
    assert_eq!(history.orders.items[0].status, Cancelled);
    assert_eq!(
        sold_today(&app, position).await,
        [("margherita".into(), 2, 1)]
    );
    assert_eq!(revenue_today(&app, position).await, ("21.98".into(), 1));
}

#[tokio::test]
async fn a_cancellation_recorded_after_delivery_takes_nothing_back() {
    let app = test_app().await;
    let (order_id, _) = place(&app, ADA, &[("funghi", 1)]).await;
    deliver(&app, order_id).await;
    // The commands refuse this; a projection must not count on it.
    let late = OrderEvent::OrderCancelled(OrderCancelled {
        order_id,
        reason: "changed my mind".into(),
        at: Utc::now(),
        by: None,
    });
    let mut tx = begin_write(&app.pool, app.backend).await.unwrap();
    let version = stream_version(&mut tx, &late.stream_id()).await.unwrap();
    let position = append(&mut tx, None, version, &[late])
        .await
        .unwrap()
        .position;
    tx.commit().await.unwrap();

    assert_eq!(revenue_today(&app, position).await, ("11.99".into(), 1));
    let history = history(&app, ADA, position).await;
    assert_eq!((history.order_count, history.top_pizzas.len()), (1, 1));
    assert_eq!(sold_today(&app, position).await, [("funghi".into(), 1, 1)]);
}
