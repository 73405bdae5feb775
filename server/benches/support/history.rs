//! A synthetic history as rows: the events the server would have appended for each
//! order (placed, then cooking, ready, out for delivery, delivered, or cancelled), in
//! time order across orders, and what the write model and every read model would hold
//! once the projector applied them all. The rules follow the projections in
//! `server/src/orders/views` and `server/src/analytics/views`; the read-model bench
//! checks them against `server rebuild-projections` on a small history before it runs.

use super::order_rows::{text, write_order};
use super::orders::{MenuPizza, Order, OrderMaker};
use super::rng::Rng;
use super::schema::{Cell, EVENTS, ORDER_TIMELINE, Rows};
use super::totals::Totals;
use app::contracts::OrderStatus;
use chrono::{DateTime, TimeDelta, Utc};
use serde_json::json;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use uuid::Uuid;

const DRIVERS: [&str; 4] = ["Luigi", "Toad", "Yoshi", "Daisy"];

/// A lifecycle event due at `at`; `seq` keeps events of one time in creation order.
struct Due {
    at: DateTime<Utc>,
    seq: u64,
    order_id: Uuid,
    version: i64,
    status: OrderStatus,
    note: Option<&'static str>,
}

impl Due {
    fn key(&self) -> (DateTime<Utc>, u64) {
        (self.at, self.seq)
    }
}

impl PartialEq for Due {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Due {}

impl PartialOrd for Due {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Due {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

/// Turns the orders of an [`OrderMaker`] into rows, appending events from `position`.
pub struct History<'m> {
    maker: OrderMaker<'m>,
    rng: Rng,
    position: i64,
    seq: u64,
    due: BinaryHeap<Reverse<Due>>,
    totals: Totals,
}

impl<'m> History<'m> {
    /// A history of `count` orders whose last is placed around `end`; its first event
    /// takes the position after `head`.
    pub fn new(menu: &'m [MenuPizza], count: usize, end: DateTime<Utc>, head: i64) -> Self {
        Self {
            maker: OrderMaker::new(menu, count, end),
            rng: Rng::new(0x5EED ^ count as u64),
            position: head,
            seq: 0,
            due: BinaryHeap::new(),
            totals: Totals::default(),
        }
    }

    /// Adds the next order (and the lifecycle events due before it) to `rows`; false
    /// once every order was added.
    pub fn next(&mut self, rows: &mut Rows) -> bool {
        let Some(order) = self.maker.next(&mut self.rng) else {
            return false;
        };
        while self
            .due
            .peek()
            .is_some_and(|due| due.0.at <= order.placed_at)
        {
            let Reverse(due) = self.due.pop().expect("peeked");
            self.append_step(rows, due);
        }
        self.place(rows, &order);
        true
    }

    /// Adds the events still due and the lifetime figures; returns the last position.
    pub fn finish(mut self, rows: &mut Rows) -> i64 {
        while let Some(Reverse(due)) = self.due.pop() {
            self.append_step(rows, due);
        }
        self.totals.write(rows);
        self.position
    }

    fn place(&mut self, rows: &mut Rows, order: &Order) {
        let steps = self.lifecycle(order);
        let version = 1 + steps.len() as i64;
        let payload = json!({
            "order_id": order.id,
            "customer_name": order.name,
            "customer_phone": order.phone,
            "customer_address": order.address,
            "payment_method": order.payment,
            "lines": order.lines,
            "total_amount": order.total,
            "total_prep_minutes": order.prep_minutes,
            "placed_at": order.placed_at,
            "estimated_ready_at": order.ready_at,
        });
        let placed = self.append(rows, order.id, 1, "OrderPlaced", payload, order.placed_at);
        self.timeline(
            rows,
            order.id,
            placed,
            OrderStatus::Pending,
            order.placed_at,
            None,
        );
        write_order(rows, order, version, placed);
        self.totals.add(order, 1);
        if order.status == OrderStatus::Cancelled {
            self.totals.add(order, -1);
        }
        for (n, (at, status, note)) in steps.into_iter().enumerate() {
            self.seq += 1;
            let due = Due {
                at,
                seq: self.seq,
                order_id: order.id,
                version: 2 + n as i64,
                status,
                note,
            };
            self.due.push(Reverse(due));
        }
    }

    /// When the order moved on after it was placed, up to its final status.
    fn lifecycle(
        &mut self,
        order: &Order,
    ) -> Vec<(DateTime<Utc>, OrderStatus, Option<&'static str>)> {
        let minutes = |rng: &mut Rng, low: i64, high: i64| {
            TimeDelta::seconds(rng.between(low * 60, high * 60))
        };
        if order.status == OrderStatus::Cancelled {
            let at = order.placed_at + minutes(&mut self.rng, 2, 10);
            return vec![(
                at,
                OrderStatus::Cancelled,
                Some("The customer called to cancel."),
            )];
        }
        let cooking = order.placed_at + minutes(&mut self.rng, 3, 8);
        let ready = cooking + (order.ready_at - order.placed_at);
        let out = ready + minutes(&mut self.rng, 1, 6);
        let delivered = out + minutes(&mut self.rng, 10, 25);
        let driver = DRIVERS[self.rng.below(DRIVERS.len())];
        let steps = [
            (cooking, OrderStatus::Cooking, None),
            (ready, OrderStatus::Ready, None),
            (out, OrderStatus::Delivering, Some(driver)),
            (delivered, OrderStatus::Delivered, None),
        ];
        let reached = OrderStatus::ALL
            .iter()
            .position(|s| *s == order.status)
            .unwrap_or(0);
        steps.into_iter().take(reached).collect()
    }

    fn append_step(&mut self, rows: &mut Rows, due: Due) {
        let (event_type, payload) = match due.status {
            OrderStatus::Cooking => (
                "CookingStarted",
                json!({"order_id": due.order_id, "at": due.at}),
            ),
            OrderStatus::Ready => (
                "OrderReady",
                json!({"order_id": due.order_id, "at": due.at}),
            ),
            OrderStatus::Delivering => (
                "OrderOutForDelivery",
                json!({"order_id": due.order_id, "driver": due.note, "at": due.at}),
            ),
            OrderStatus::Delivered => (
                "OrderDelivered",
                json!({"order_id": due.order_id, "at": due.at}),
            ),
            _ => (
                "OrderCancelled",
                json!({"order_id": due.order_id, "reason": due.note, "at": due.at}),
            ),
        };
        let position = self.append(rows, due.order_id, due.version, event_type, payload, due.at);
        self.timeline(rows, due.order_id, position, due.status, due.at, due.note);
    }

    fn append(
        &mut self,
        rows: &mut Rows,
        order_id: Uuid,
        version: i64,
        event_type: &str,
        payload: serde_json::Value,
        at: DateTime<Utc>,
    ) -> i64 {
        self.position += 1;
        let cells = vec![
            self.position.into(),
            format!("order-{order_id}").into(),
            version.into(),
            event_type.into(),
            1.into(),
            payload.to_string().into(),
            text(at).into(),
            Cell::Null,
        ];
        rows.push(EVENTS, cells);
        self.position
    }

    fn timeline(
        &self,
        rows: &mut Rows,
        order_id: Uuid,
        position: i64,
        status: OrderStatus,
        at: DateTime<Utc>,
        note: Option<&str>,
    ) {
        let note = note.map(str::to_owned);
        let cells = vec![
            order_id.to_string().into(),
            position.into(),
            status.as_str().into(),
            text(at).into(),
            note.into(),
        ];
        rows.push(ORDER_TIMELINE, cells);
    }
}
