//! Requests, events and handlers shared by the integration tests: a tiny order domain
//! whose handlers record what they saw in a shared [`Journal`].

// Each test file uses only some of these.
#![allow(dead_code)]

pub mod logs;

use mediator::{Context, Done, Event, EventError, EventHandler, Outcome, Problem, Request};
use mediator::{RequestHandler, RequestKind};
use std::sync::{Arc, Mutex};

/// Lines appended by handlers and behaviors, to check who ran and in which order.
#[derive(Clone, Default)]
pub struct Journal(Arc<Mutex<Vec<String>>>);

impl Journal {
    pub fn write(&self, line: impl Into<String>) {
        if let Ok(mut lines) = self.0.lock() {
            lines.push(line.into());
        }
    }

    pub fn lines(&self) -> Vec<String> {
        self.0.lock().map(|lines| lines.clone()).unwrap_or_default()
    }
}

/// A command; a zero quantity is refused after recording an event, to test rollback.
pub struct PlaceOrder {
    pub quantity: u32,
}

impl Request for PlaceOrder {
    type Response = u64;
    const KIND: RequestKind = RequestKind::Command;
}

/// A query answering a different type than the command.
pub struct GetMenu;

impl Request for GetMenu {
    type Response = Vec<&'static str>;
    const KIND: RequestKind = RequestKind::Query;
}

/// A query no test registers a handler for.
pub struct GetOrder;

impl Request for GetOrder {
    type Response = u64;
    const KIND: RequestKind = RequestKind::Query;
}

#[derive(Clone, Debug, PartialEq)]
pub struct OrderPlaced {
    pub order_id: u64,
}

impl Event for OrderPlaced {}

pub struct PlaceOrderHandler(pub Journal);

impl RequestHandler<PlaceOrder> for PlaceOrderHandler {
    async fn handle(&self, request: PlaceOrder, ctx: &mut Context) -> Outcome<u64> {
        self.0.write("PlaceOrder handled");
        ctx.record(OrderPlaced { order_id: 42 });
        if request.quantity == 0 {
            return Err(Problem::bad_request("Order at least one pizza."));
        }
        Ok(Done::created(42))
    }
}

pub struct GetMenuHandler(pub Journal);

impl RequestHandler<GetMenu> for GetMenuHandler {
    async fn handle(&self, _request: GetMenu, _ctx: &mut Context) -> Outcome<Vec<&'static str>> {
        self.0.write("GetMenu handled");
        Ok(Done::ok(vec!["margherita", "marinara"]))
    }
}

/// Writes `"<label> got <order id>"` for every `OrderPlaced`.
pub struct RecordOrder(pub &'static str, pub Journal);

impl EventHandler<OrderPlaced> for RecordOrder {
    async fn handle(&self, event: &OrderPlaced) -> Result<(), EventError> {
        self.1.write(format!("{} got {}", self.0, event.order_id));
        Ok(())
    }
}

/// Always fails, like an SMS gateway that is down.
pub struct BrokenSms;

impl EventHandler<OrderPlaced> for BrokenSms {
    async fn handle(&self, _event: &OrderPlaced) -> Result<(), EventError> {
        Err("sms gateway unreachable".into())
    }
}
