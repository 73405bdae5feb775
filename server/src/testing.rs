//! Harness of the handler tests: the mediator exactly as the server wires it
//! (`wiring::build_mediator`, every behavior and handler), over a fresh migrated and
//! seeded database, with the projector running. Commands that have no REST route yet are
//! tested through it; the API tests in `tests/api/` cover the HTTP edge.

use crate::db::test_support::{TestDatabase, test_database};
use crate::db::{Backend, Writer};
use crate::orders::OrderLimits;
use crate::projections::{ProjectionWatch, Projector};
use crate::wiring::{self, Services};
use app::contracts::{
    Caller, CardDetails, CustomerUser, OrderLineRequest, PaymentMethod, PizzaSize, PlaceOrder,
    StaffRole, StaffUser,
};
use mediator::{Context, Mediator, Outcome, Request};
use sqlx::AnyPool;
use std::sync::Arc;
use tokio::sync::Notify;
use tokio::task::JoinHandle;
use uuid::Uuid;

/// The server's mediator over a database of its own.
pub(crate) struct TestApp {
    /// Sends as a signed-in manager, whom every policy admits.
    pub mediator: AsManager,
    pub pool: AnyPool,
    /// Which database it is.
    pub backend: Backend,
    /// The projector's progress: wait on it before reading what a command wrote.
    pub views: ProjectionWatch,
    /// What the mediator was built from.
    pub services: Services,
    projector: JoinHandle<()>,
    _db: TestDatabase,
}

/// The driver accounts every test database has: orders go out with a driver account.
pub(crate) const TEST_DRIVERS: &str = "Luigi:driver:luigi-pass;Mario:driver:mario-pass";

/// Wires the server's mediator over a new database, with the [`TEST_DRIVERS`], and starts
/// its projector.
pub(crate) async fn test_app() -> TestApp {
    test_app_paying_through(crate::payments::GatewayChoice::Simulator.gateway()).await
}

/// [`test_app`] charging cards through `payments`.
pub(crate) async fn test_app_paying_through(payments: crate::payments::Payments) -> TestApp {
    // Handler tests cook many orders; the capacity rule has its own API test.
    let kitchen = crate::kitchen::KitchenLimits {
        capacity: u32::MAX,
        max_wait_minutes: None,
    };
    build_test_app(payments, kitchen).await
}

/// [`test_app`] with a kitchen of `kitchen`'s size and longest wait.
pub(crate) async fn test_app_with_kitchen(kitchen: crate::kitchen::KitchenLimits) -> TestApp {
    build_test_app(crate::payments::GatewayChoice::Simulator.gateway(), kitchen).await
}

async fn build_test_app(
    payments: crate::payments::Payments,
    kitchen: crate::kitchen::KitchenLimits,
) -> TestApp {
    let db = test_database().await;
    crate::staff::bootstrap(&db.pool, Some(TEST_DRIVERS), std::path::Path::new("unused"))
        .await
        .expect("the driver accounts are created");
    let writer = Writer::new(&db.pool, db.backend, Arc::new(Notify::new()))
        .await
        .expect("the writer connects");
    let (mut projector, views) =
        Projector::start(db.pool.clone(), writer.clone(), wiring::projections())
            .await
            .expect("the projector starts");
    // As `Application::build` does: the seeded menu is in the views before any query.
    projector
        .catch_up()
        .await
        .expect("the projector catches up");
    let services = Services {
        pool: db.pool.clone(),
        backend: db.backend,
        kitchen_capacity: kitchen.capacity,
        kitchen_max_wait_minutes: kitchen.max_wait_minutes,
        order_limits: OrderLimits::default(),
        writer,
        views: views.clone(),
        payments,
        // Tests run at any hour; the hours rules have their own tests.
        clock: crate::hours::ShopClock::new(
            db.pool.clone(),
            crate::hours::HoursConfig::always_open().defaults,
        ),
    };
    let mediator = wiring::build_mediator(&services).expect("every handler is wired");
    TestApp {
        mediator: AsManager(mediator),
        pool: db.pool.clone(),
        backend: db.backend,
        views,
        services,
        projector: tokio::spawn(projector.run()),
        _db: db,
    }
}

impl TestApp {
    /// The types of the events of `stream`, oldest first.
    pub async fn events_of(&self, stream: &str) -> Vec<String> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT event_type FROM events WHERE stream_id = $1 ORDER BY stream_version",
        )
        .bind(stream)
        .fetch_all(&self.pool)
        .await
        .expect("reading the stream");
        rows.into_iter().map(|(event_type,)| event_type).collect()
    }

    /// The payload of the latest event of `stream`, as JSON.
    pub async fn last_payload(&self, stream: &str) -> serde_json::Value {
        let (payload,): (String,) = sqlx::query_as(
            "SELECT payload FROM events WHERE stream_id = $1 \
             ORDER BY stream_version DESC LIMIT 1",
        )
        .bind(stream)
        .fetch_one(&self.pool)
        .await
        .expect("the stream has an event");
        serde_json::from_str(&payload).expect("payloads are JSON")
    }

    /// How many events the whole log holds.
    pub async fn event_count(&self) -> i64 {
        let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM events")
            .fetch_one(&self.pool)
            .await
            .expect("counting events");
        count
    }
}

/// Places an order of `(pizza_id, quantity)` medium pizzas for `phone`; returns its id
/// and the position of its event.
pub(crate) async fn place_order(app: &TestApp, phone: &str, pizzas: &[(&str, u32)]) -> (Uuid, i64) {
    let placed = app
        .mediator
        .send(an_order(phone, pizzas))
        .await
        .expect("the order is placed");
    (placed.value.order_id, placed.value.position)
}

/// [`place_order`] by the signed-in customer `username`: the order is their account's.
pub(crate) async fn place_order_as(
    app: &TestApp,
    username: &str,
    pizzas: &[(&str, u32)],
) -> (Uuid, i64) {
    let placed = app
        .mediator
        .send_as(customer(username), an_order("555 123 4567", pizzas))
        .await
        .expect("the order is placed");
    (placed.value.order_id, placed.value.position)
}

/// The signed-in customer `username`.
pub(crate) fn customer(username: &str) -> Caller {
    Caller::Customer(CustomerUser {
        username: username.into(),
        name: username.into(),
    })
}

/// The order [`place_order`] sends: `(pizza_id, quantity)` medium pizzas for `phone`.
pub(crate) fn an_order(phone: &str, pizzas: &[(&str, u32)]) -> PlaceOrder {
    PlaceOrder {
        customer_name: "Ada".into(),
        customer_phone: phone.into(),
        customer_address: "1 Main St".into(),
        payment_method: PaymentMethod::Card,
        pizza_items: pizzas
            .iter()
            .map(|(pizza_id, quantity)| OrderLineRequest {
                pizza_id: (*pizza_id).into(),
                size: PizzaSize::Medium,
                toppings: Vec::new(),
                quantity: *quantity,
                special_instructions: None,
            })
            .collect(),
        promo_code: None,
        card: Some(test_card(APPROVED_CARD)),
    }
}

/// The simulator's approved test card.
pub(crate) const APPROVED_CARD: &str = "4242 4242 4242 4242";

/// A card with `number` that expires in December 2030.
pub(crate) fn test_card(number: &str) -> CardDetails {
    CardDetails {
        number: number.into(),
        exp_month: 12,
        exp_year: 2030,
        cvc: "123".into(),
    }
}

impl Drop for TestApp {
    /// Stops the projector before the database it polls goes away.
    fn drop(&mut self) {
        self.projector.abort();
    }
}

/// The server's mediator, sending every request as a manager: the handler tests test
/// handlers; who may send what is tested with the authorization behavior and the API.
pub(crate) struct AsManager(pub Mediator);

impl AsManager {
    /// Sends `request` with a manager as the caller.
    pub fn send<R: Request>(&self, request: R) -> impl Future<Output = Outcome<R::Response>> {
        self.send_in(Context::new(), request)
    }

    /// Sends `request` with a manager as the caller, in `ctx` (an idempotency key, say).
    pub fn send_in<R: Request>(
        &self,
        ctx: Context,
        request: R,
    ) -> impl Future<Output = Outcome<R::Response>> {
        let manager = Caller::Staff(StaffUser {
            username: "manager".into(),
            role: StaffRole::Manager,
        });
        self.0.send_with(request, ctx.with(manager))
    }

    /// Sends `request` as `caller`.
    pub fn send_as<R: Request>(
        &self,
        caller: Caller,
        request: R,
    ) -> impl Future<Output = Outcome<R::Response>> {
        self.0.send_with(request, Context::new().with(caller))
    }
}
