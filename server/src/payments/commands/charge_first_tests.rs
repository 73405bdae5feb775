//! A card is charged before the placement's transaction opens: a gateway that takes its
//! time holds up no other write, and a placement that does not commit after the charge
//! gives the money back. Against a real database (SQLite, or PostgreSQL when
//! `TEST_DATABASE_URL` is set), through a gateway that charges only when let through.

use crate::payments::Payments;
use crate::payments::gateway::{ChargeRequest, GatewayError, PaymentGateway};
use crate::projections::BoxFuture;
use crate::testing::{APPROVED_CARD, TestApp, an_order, test_app_paying_through, test_card};
use app::contracts::{
    IdempotencyKey, PaymentMethod, PlaceOrder, PlacedOrder, SetStock, UpdatePizza,
};
use mediator::{Context, Problem};
use rust_decimal::Decimal;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{Notify, Semaphore};

/// Approves every card, each charge once let through (`let_through`), and writes down
/// what it did: `charge <reference> <amount>`, `refund <reference> <amount>`.
struct HeldGateway {
    arrived: Notify,
    gate: Semaphore,
    log: Mutex<Vec<String>>,
}

impl Default for HeldGateway {
    fn default() -> Self {
        Self {
            arrived: Notify::new(),
            gate: Semaphore::new(0),
            log: Mutex::default(),
        }
    }
}

impl HeldGateway {
    fn let_through(&self, charges: usize) {
        self.gate.add_permits(charges);
    }

    fn log(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }

    fn write(&self, line: String) {
        self.log.lock().unwrap().push(line);
    }
}

impl PaymentGateway for HeldGateway {
    fn charge<'a>(
        &'a self,
        request: ChargeRequest<'a>,
    ) -> BoxFuture<'a, Result<String, GatewayError>> {
        Box::pin(async move {
            self.arrived.notify_one();
            self.gate.acquire().await.expect("never closed").forget();
            let reference = format!("held_ch_{}", self.log().len() + 1);
            self.write(format!("charge {reference} {}", request.amount));
            Ok(reference)
        })
    }

    fn refund<'a>(
        &'a self,
        reference: &'a str,
        amount: Decimal,
    ) -> BoxFuture<'a, Result<String, GatewayError>> {
        Box::pin(async move {
            self.write(format!("refund {reference} {amount}"));
            Ok(format!("held_re_{reference}"))
        })
    }
}

async fn app_with(gateway: &Arc<HeldGateway>) -> TestApp {
    let payments: Payments = gateway.clone();
    test_app_paying_through(payments).await
}

/// One medium margherita, by card.
fn card_order() -> PlaceOrder {
    PlaceOrder {
        card: Some(test_card(APPROVED_CARD)),
        ..an_order("555 010 0300", &[("margherita", 1)])
    }
}

/// One medium pepperoni, cash on delivery.
fn cash_order() -> PlaceOrder {
    PlaceOrder {
        payment_method: PaymentMethod::Cash,
        card: None,
        ..an_order("555 010 0301", &[("pepperoni", 1)])
    }
}

async fn place(app: &TestApp, order: PlaceOrder) -> Result<PlacedOrder, Problem> {
    app.mediator.send(order).await.map(|done| done.value)
}

async fn rows(app: &TestApp, table: &str) -> i64 {
    let (count,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&app.pool)
        .await
        .expect("counting rows");
    count
}

/// A count that leaves no basil, which a margherita needs.
fn no_basil() -> SetStock {
    SetStock {
        ingredient: "basil".into(),
        on_hand: 0,
        low_stock_at: None,
    }
}

/// Asserts that `card` was refused with a 409 saying `why`, its charge was refunded
/// whole, and nothing of it was stored.
async fn refused_and_refunded(
    app: &TestApp,
    gateway: &HeldGateway,
    card: Result<PlacedOrder, Problem>,
    why: &str,
) {
    let problem = card.unwrap_err();
    assert_eq!(problem.code(), 409);
    assert!(problem.detail.contains(why), "{}", problem.detail);
    let log = gateway.log();
    assert_eq!(log.len(), 2, "{log:?}");
    let amount = log[0].rsplit(' ').next().unwrap();
    assert_eq!(log[1], format!("refund held_ch_1 {amount}"));
    assert_eq!(rows(app, "orders").await, 0);
    assert_eq!(rows(app, "payments").await, 0);
}

/// Places `card_order` and, once its charge reached the gateway and while it waits
/// there, runs `meanwhile`; then lets the charge through. Answers both outcomes.
async fn while_charging<T>(
    app: &TestApp,
    gateway: &HeldGateway,
    meanwhile: impl Future<Output = T>,
) -> (Result<PlacedOrder, Problem>, T) {
    let card = place(app, card_order());
    let other = async {
        gateway.arrived.notified().await;
        let done = meanwhile.await;
        gateway.let_through(1);
        done
    };
    tokio::join!(card, other)
}

#[tokio::test]
async fn a_card_charge_that_takes_its_time_holds_up_no_other_order() {
    let gateway = Arc::new(HeldGateway::default());
    let app = app_with(&gateway).await;

    let (card, cash) = while_charging(&app, &gateway, async {
        tokio::time::timeout(Duration::from_secs(5), place(&app, cash_order())).await
    })
    .await;

    let cash = cash.expect("the cash order waited for the card's charge");
    let cash = cash.expect("the cash order is placed");
    assert!(cash.total_amount > Decimal::ZERO);
    let card = card.expect("the card order is placed once charged");
    assert_eq!(
        gateway.log(),
        [format!("charge held_ch_1 {}", card.total_amount)]
    );
    assert_eq!(rows(&app, "orders").await, 2);
}

#[tokio::test]
async fn stock_that_runs_out_while_the_card_is_charged_refunds_it_and_stores_nothing() {
    let gateway = Arc::new(HeldGateway::default());
    let app = app_with(&gateway).await;

    let (card, counted) = while_charging(&app, &gateway, app.mediator.send(no_basil())).await;

    counted.expect("the count is taken while the card is charged");
    refused_and_refunded(&app, &gateway, card, "run out of basil").await;
    assert_eq!(rows(&app, "stock_reservations").await, 0);
}

#[tokio::test]
async fn a_price_change_while_the_card_is_charged_refunds_it_and_asks_to_place_again() {
    let gateway = Arc::new(HeldGateway::default());
    let app = app_with(&gateway).await;
    let dearer = UpdatePizza {
        base_price: Some(Decimal::new(1999, 2)),
        ..UpdatePizza::of("margherita")
    };

    let (card, changed) = while_charging(&app, &gateway, app.mediator.send(dearer)).await;

    changed.expect("the price changes while the card is charged");
    refused_and_refunded(&app, &gateway, card, "price of your order changed").await;
    // Placed again at the new price, it goes through.
    gateway.let_through(1);
    let again = place(&app, card_order()).await.expect("placed again");
    assert!(gateway.log()[2].ends_with(&again.total_amount.to_string()));
}

#[tokio::test]
async fn an_order_the_stock_cannot_make_is_refused_before_the_card_is_charged() {
    let gateway = Arc::new(HeldGateway::default());
    let app = app_with(&gateway).await;
    app.mediator.send(no_basil()).await.expect("counted");

    let problem = place(&app, card_order()).await.unwrap_err();

    assert_eq!(problem.code(), 409);
    assert!(gateway.log().is_empty(), "{:?}", gateway.log());
}

#[tokio::test]
async fn two_requests_racing_with_one_key_charge_the_card_once() {
    let gateway = Arc::new(HeldGateway::default());
    let app = app_with(&gateway).await;
    gateway.let_through(2);
    let key = IdempotencyKey::parse("charge-once-key-0001").unwrap();
    let send = || {
        let ctx = Context::new().with(key.clone());
        app.mediator.send_in(ctx, card_order())
    };

    let (first, second) = tokio::join!(send(), send());

    let (first, second) = (first.unwrap(), second.unwrap());
    assert_eq!(first.value.order_id, second.value.order_id);
    assert_eq!((first.code(), second.code()), (201, 201));
    assert_eq!(gateway.log().len(), 1, "{:?}", gateway.log());
    assert_eq!(rows(&app, "orders").await, 1);
}
