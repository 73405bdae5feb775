//! What the read-side tests share: placing orders, moving them on, reading views.

use crate::testing::TestApp;
use app::contracts::OrderStatusChanged;
use mediator::Request;

/// A customer's phone, typed two ways.
pub const ADA: &str = "+1 555 010 0200";
pub const ADA_AGAIN: &str = "+1-555-010-0200";
/// Another customer.
pub const BOB: &str = "555 777 8888";

pub(crate) use crate::testing::place_order as place;

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
