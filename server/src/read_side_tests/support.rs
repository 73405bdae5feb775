//! What the read-side tests share: placing orders, moving them on, reading views.

use crate::testing::TestApp;
use app::contracts::{OrderLineRequest, OrderStatusChanged, PaymentMethod, PizzaSize, PlaceOrder};
use mediator::Request;
use uuid::Uuid;

/// A customer's phone, typed two ways.
pub const ADA: &str = "+1 555 010 0200";
pub const ADA_AGAIN: &str = "+1-555-010-0200";
/// Another customer.
pub const BOB: &str = "555 777 8888";

/// Places an order of `(pizza_id, quantity)` medium pizzas for `phone`; returns its id
/// and the position of its event.
pub async fn place(app: &TestApp, phone: &str, pizzas: &[(&str, u32)]) -> (Uuid, i64) {
    let order = PlaceOrder {
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
    };
    let placed = app.mediator.send(order).await.expect("the order is placed");
    (placed.value.order_id, placed.value.position)
}

/// Sends a lifecycle command that must succeed; returns the position of its event.
pub async fn step<C: Request<Response = OrderStatusChanged>>(app: &TestApp, command: C) -> i64 {
    let done = app
        .mediator
        .send(command)
        .await
        .expect("the step is allowed");
    done.value.position
}

/// Sends a query that must succeed.
pub async fn ask<Q: Request>(app: &TestApp, query: Q) -> Q::Response {
    app.mediator
        .send(query)
        .await
        .expect("the query answers")
        .value
}
