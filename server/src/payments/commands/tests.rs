//! Paying for orders through the server's mediator against a real database (SQLite, or
//! PostgreSQL when `TEST_DATABASE_URL` is set): each test card, what a refusal leaves
//! behind (nothing), the refund on cancel, and cash collected by the driver.

use crate::payments::events::payment_stream;
use crate::testing::{APPROVED_CARD, TestApp, an_order, test_app, test_card};
use app::contracts::{
    AssignDelivery, CancelOrder, CardDetails, GetOrder, MarkCashCollected, MarkOrderReady,
    OrderDetails, OrderStatus, PaymentMethod, PaymentStatus, PlaceOrder, PlacedOrder, StartCooking,
};
use mediator::Problem;
use uuid::Uuid;

/// One medium margherita paid with `card`.
fn paid_with(card: CardDetails) -> PlaceOrder {
    PlaceOrder {
        card: Some(card),
        ..an_order("555 010 0200", &[("margherita", 1)])
    }
}

/// One medium margherita, cash on delivery.
fn cash_order() -> PlaceOrder {
    PlaceOrder {
        payment_method: PaymentMethod::Cash,
        card: None,
        ..an_order("555 010 0200", &[("margherita", 1)])
    }
}

async fn place(app: &TestApp, order: PlaceOrder) -> Result<PlacedOrder, Problem> {
    app.mediator.send(order).await.map(|done| done.value)
}

/// The order as its page reads it once the views show `position`.
async fn order_at(app: &TestApp, order_id: Uuid, position: i64) -> OrderDetails {
    let query = GetOrder {
        order_id,
        min_position: Some(position),
    };
    app.mediator.send(query).await.expect("the order").value
}

async fn row_count(app: &TestApp, table: &str) -> i64 {
    let (count,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&app.pool)
        .await
        .expect("counting rows");
    count
}

/// The fields a problem names.
fn fields(problem: &Problem) -> Vec<&str> {
    problem.errors.iter().map(|e| e.field.as_str()).collect()
}

#[tokio::test]
async fn an_approved_card_is_charged_and_the_order_shows_it_paid() {
    let app = test_app().await;
    let placed = place(&app, paid_with(test_card(APPROVED_CARD)))
        .await
        .expect("placed");
    assert_eq!(
        app.events_of(&payment_stream(placed.order_id)).await,
        ["PaymentCaptured"]
    );
    let captured = app.last_payload(&payment_stream(placed.order_id)).await;
    assert_eq!(captured["amount"], placed.total_amount.to_string());
    let order = order_at(&app, placed.order_id, placed.position).await;
    let payment = order.payment;
    assert_eq!(
        (payment.method, payment.status),
        (PaymentMethod::Card, PaymentStatus::Paid)
    );
    assert_eq!(payment.brand.as_deref(), Some("visa"));
    assert_eq!(payment.last4.as_deref(), Some("4242"));
    assert!(
        payment.reference.as_deref().unwrap().starts_with("sim_ch_"),
        "{payment:?}"
    );
}

#[tokio::test]
async fn a_refused_card_answers_402_and_stores_nothing() {
    let app = test_app().await;
    let events = app.event_count().await;
    let cases = [
        (
            "4000 0000 0000 0002",
            "Payment was declined. Please try a different payment method.",
        ),
        (
            "4000 0000 0000 9995",
            "The card has insufficient funds. Please try a different payment method.",
        ),
    ];
    for (number, message) in cases {
        let problem = place(&app, paid_with(test_card(number))).await.unwrap_err();
        assert_eq!((problem.code(), problem.detail.as_str()), (402, message));
    }
    assert_eq!(app.event_count().await, events, "no event was stored");
    assert_eq!(row_count(&app, "orders").await, 0);
    assert_eq!(row_count(&app, "payments").await, 0);
}

#[tokio::test]
async fn a_gateway_failure_answers_503_and_stores_nothing() {
    let app = test_app().await;
    let problem = place(&app, paid_with(test_card("4000 0000 0000 0119")))
        .await
        .unwrap_err();
    assert_eq!(problem.code(), 503);
    assert!(problem.retry_after_secs.is_some());
    assert_eq!(row_count(&app, "orders").await, 0);
}

#[tokio::test]
async fn bad_cards_are_refused_with_422_naming_the_field_before_any_charge() {
    let app = test_app().await;
    let typo = place(&app, paid_with(test_card("4242 4242 4242 4241")))
        .await
        .unwrap_err();
    assert_eq!((typo.code(), fields(&typo)), (422, vec!["card.number"]));
    let expired = CardDetails {
        exp_year: 2020,
        ..test_card(APPROVED_CARD)
    };
    let problem = place(&app, paid_with(expired)).await.unwrap_err();
    assert_eq!(
        (problem.code(), fields(&problem)),
        (422, vec!["card.exp_month"])
    );
    let no_card = PlaceOrder {
        card: None,
        ..paid_with(test_card(APPROVED_CARD))
    };
    let problem = place(&app, no_card).await.unwrap_err();
    assert_eq!((problem.code(), fields(&problem)), (422, vec!["card"]));
    let cash_with_card = PlaceOrder {
        payment_method: PaymentMethod::Cash,
        ..paid_with(test_card(APPROVED_CARD))
    };
    let problem = place(&app, cash_with_card).await.unwrap_err();
    assert_eq!((problem.code(), fields(&problem)), (422, vec!["card"]));
    assert_eq!(row_count(&app, "orders").await, 0);
}

#[tokio::test]
async fn cancelling_a_paid_order_refunds_it_on_the_timeline() {
    let app = test_app().await;
    let placed = place(&app, paid_with(test_card(APPROVED_CARD)))
        .await
        .expect("placed");
    let cancel = CancelOrder {
        order_id: placed.order_id,
        reason: "Changed my mind".into(),
    };
    let cancelled = app.mediator.send(cancel).await.expect("cancelled").value;
    let stream = payment_stream(placed.order_id);
    assert_eq!(
        app.events_of(&stream).await,
        ["PaymentCaptured", "PaymentRefunded"]
    );
    assert!(
        app.last_payload(&stream).await["reference"]
            .as_str()
            .unwrap()
            .starts_with("sim_re_")
    );
    // The position answered is the refund's: a read there sees it.
    let order = order_at(&app, placed.order_id, cancelled.position).await;
    assert_eq!(order.payment.status, PaymentStatus::Refunded);
    let steps: Vec<_> = order
        .timeline
        .iter()
        .map(|entry| (entry.status, entry.payment))
        .collect();
    assert_eq!(
        steps,
        [
            (OrderStatus::Pending, None),
            (OrderStatus::Cancelled, None),
            (OrderStatus::Cancelled, Some(PaymentStatus::Refunded)),
        ]
    );
}

#[tokio::test]
async fn cancelling_a_cash_order_moves_no_money() {
    let app = test_app().await;
    let placed = place(&app, cash_order()).await.expect("placed");
    let cancel = CancelOrder {
        order_id: placed.order_id,
        reason: "Changed my mind".into(),
    };
    let cancelled = app.mediator.send(cancel).await.expect("cancelled").value;
    assert!(
        app.events_of(&payment_stream(placed.order_id))
            .await
            .is_empty()
    );
    let order = order_at(&app, placed.order_id, cancelled.position).await;
    assert_eq!(
        (order.payment.method, order.payment.status),
        (PaymentMethod::Cash, PaymentStatus::Pending)
    );
}

/// Takes the order out for delivery with the driver Luigi.
async fn out_for_delivery(app: &TestApp, order_id: Uuid) {
    app.mediator
        .send(StartCooking {
            order_id,
            minutes: None,
        })
        .await
        .unwrap();
    app.mediator
        .send(MarkOrderReady { order_id })
        .await
        .unwrap();
    let driver = "Luigi".into();
    let assign = AssignDelivery { order_id, driver };
    app.mediator.send(assign).await.unwrap();
}

#[tokio::test]
async fn a_driver_collects_cash_once_the_order_is_out() {
    let app = test_app().await;
    let placed = place(&app, cash_order()).await.expect("placed");
    let order_id = placed.order_id;
    let early = app.mediator.send(MarkCashCollected { order_id }).await;
    assert_eq!(early.unwrap_err().code(), 409, "still in the shop");
    out_for_delivery(&app, order_id).await;
    let collected = app
        .mediator
        .send(MarkCashCollected { order_id })
        .await
        .expect("collected")
        .value;
    assert_eq!(collected.status, PaymentStatus::Collected);
    let again = app.mediator.send(MarkCashCollected { order_id }).await;
    assert_eq!(again.unwrap_err().code(), 409, "already collected");
    let order = order_at(&app, order_id, collected.position).await;
    assert_eq!(order.payment.status, PaymentStatus::Collected);
    let last = order.timeline.last().unwrap();
    assert_eq!(
        (last.status, last.payment),
        (OrderStatus::Delivering, Some(PaymentStatus::Collected))
    );
    assert_eq!(
        app.last_payload(&payment_stream(order_id)).await["by"],
        "manager"
    );
}

#[tokio::test]
async fn cash_is_not_collected_for_a_card_order_or_an_unknown_one() {
    let app = test_app().await;
    let placed = place(&app, paid_with(test_card(APPROVED_CARD)))
        .await
        .expect("placed");
    out_for_delivery(&app, placed.order_id).await;
    let card = MarkCashCollected {
        order_id: placed.order_id,
    };
    assert_eq!(app.mediator.send(card).await.unwrap_err().code(), 409);
    let unknown = MarkCashCollected {
        order_id: Uuid::new_v4(),
    };
    assert_eq!(app.mediator.send(unknown).await.unwrap_err().code(), 404);
}
