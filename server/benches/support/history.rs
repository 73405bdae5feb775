//! A synthetic history as rows: the events the server would have appended for each
//! order (placed, then cooking, ready, out for delivery, delivered, or cancelled), in
//! time order across orders, and what the write model and every read model would hold
//! once the projector applied them all. The rules follow the projections in
//! `server/src/orders/views` and `server/src/analytics/views`; the read-model bench
//! checks them against `server rebuild-projections` on a small history before it runs.

use super::orders::{MenuPizza, Order, OrderMaker, phone};
use super::rng::Rng;
use super::schema::*;
use app::contracts::{OrderStatus, phone_key};
use chrono::{DateTime, SecondsFormat, TimeDelta, Utc};
use rust_decimal::Decimal;
use serde_json::json;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
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

/// Lifetime figures, summed as the projections sum them (a cancelled order is added,
/// then taken back out, which leaves its rows behind at zero).
#[derive(Default)]
struct Totals {
    customers: HashMap<usize, (String, i64, Decimal)>,
    customer_pizzas: HashMap<(usize, String), (String, i64)>,
    days: HashMap<(String, String), (String, i64, i64)>,
    revenue: HashMap<(&'static str, String), (Decimal, i64)>,
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
        let totals = std::mem::take(&mut self.totals);
        for (phone, orders, spent) in totals.customers.into_values() {
            let key = phone_key(&phone);
            let cells = vec![
                key.into(),
                phone.into(),
                orders.into(),
                spent.to_string().into(),
            ];
            rows.push(CUSTOMER_HISTORY, cells);
        }
        for ((customer, pizza_id), (name, quantity)) in totals.customer_pizzas {
            let key = phone_key(&phone(customer));
            let cells = vec![key.into(), pizza_id.into(), name.into(), quantity.into()];
            rows.push(CUSTOMER_PIZZA_COUNTS, cells);
        }
        for ((day, pizza_id), (name, quantity, orders)) in totals.days {
            let cells = vec![
                day.into(),
                pizza_id.into(),
                name.into(),
                quantity.into(),
                orders.into(),
            ];
            rows.push(POPULAR_PIZZAS, cells);
        }
        for ((bucket, start), (revenue, orders)) in totals.revenue {
            let cells = vec![
                bucket.into(),
                start.into(),
                revenue.to_string().into(),
                orders.into(),
            ];
            rows.push(REVENUE, cells);
        }
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
        self.add_totals(order, 1);
        if order.status == OrderStatus::Cancelled {
            self.add_totals(order, -1);
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

    /// Adds the order to the lifetime figures (`sign` 1), or takes it back out (-1).
    fn add_totals(&mut self, order: &Order, sign: i64) {
        let amount = order.total * Decimal::from(sign);
        let totals = &mut self.totals;
        let customer = totals
            .customers
            .entry(order.customer)
            .or_insert_with(|| (order.phone.clone(), 0, Decimal::ZERO));
        customer.1 += sign;
        customer.2 += amount;
        let day = order.placed_at.format("%Y-%m-%d").to_string();
        for (pizza_id, name, quantity) in pizza_quantities(order) {
            let bought = totals
                .customer_pizzas
                .entry((order.customer, pizza_id.to_owned()))
                .or_insert_with(|| (name.to_owned(), 0));
            bought.1 += sign * quantity;
            let sold = totals
                .days
                .entry((day.clone(), pizza_id.to_owned()))
                .or_insert_with(|| (name.to_owned(), 0, 0));
            sold.1 += sign * quantity;
            sold.2 += sign;
        }
        let hour = order.placed_at.format("%Y-%m-%dT%H:00:00Z").to_string();
        for (bucket, start) in [("hour", hour), ("day", day)] {
            let sum = totals
                .revenue
                .entry((bucket, start))
                .or_insert((Decimal::ZERO, 0));
            sum.0 += amount;
            sum.1 += sign;
        }
    }
}

/// The order's rows in the write model and the per-order read models.
fn write_order(rows: &mut Rows, order: &Order, version: i64, placed: i64) {
    let id = order.id.to_string();
    let key = phone_key(&order.phone);
    let (status, total) = (order.status.as_str(), order.total.to_string());
    let (placed_at, ready_at) = (text(order.placed_at), text(order.ready_at));
    let person = [
        order.name.as_str(),
        order.phone.as_str(),
        order.address.as_str(),
        order.payment.as_str(),
    ];
    let mut detail: Vec<Cell> = vec![id.as_str().into(), status.into()];
    detail.extend(person.iter().map(|&value| value.into()));
    detail.extend([
        total.as_str().into(),
        placed_at.as_str().into(),
        ready_at.as_str().into(),
    ]);
    let mut stored = detail.clone();
    stored.push(version.into());
    rows.push(ORDERS, stored);
    rows.push(ORDER_DETAIL, detail);
    for (line_no, line) in order.lines.iter().enumerate() {
        let toppings = serde_json::to_string(&line.toppings).expect("a list of strings");
        let cells = vec![
            id.as_str().into(),
            (line_no as i64).into(),
            line.pizza_id.as_str().into(),
            line.pizza_name.as_str().into(),
            line.size.as_str().into(),
            toppings.into(),
            i64::from(line.quantity).into(),
            line.special_instructions.clone().into(),
            line.unit_price.to_string().into(),
            line.line_price.to_string().into(),
        ];
        rows.push(ORDER_ITEMS, cells.clone());
        rows.push(ORDER_DETAIL_ITEMS, cells);
    }
    let pizzas = i64::from(order.pizzas);
    let summary = vec![
        id.as_str().into(),
        key.as_str().into(),
        order.phone.as_str().into(),
        order.name.as_str().into(),
        status.into(),
        total.as_str().into(),
        pizzas.into(),
        placed_at.as_str().into(),
        ready_at.as_str().into(),
    ];
    rows.push(ORDER_SUMMARY, summary);
    if matches!(order.status, OrderStatus::Pending | OrderStatus::Cooking) {
        let ticket = vec![
            id.as_str().into(),
            placed.into(),
            order.name.as_str().into(),
            status.into(),
            placed_at.as_str().into(),
            pizzas.into(),
            i64::from(order.prep_minutes).into(),
        ];
        rows.push(KITCHEN_QUEUE, ticket);
    }
    if !matches!(
        order.status,
        OrderStatus::Delivered | OrderStatus::Cancelled
    ) {
        write_open_order(rows, order, &id, &key);
    }
}

/// What the customer, popular-pizza and revenue views remember of an order that may
/// still be cancelled.
fn write_open_order(rows: &mut Rows, order: &Order, id: &str, key: &str) {
    let total = order.total.to_string();
    rows.push(
        CUSTOMER_OPEN_ORDERS,
        vec![id.into(), key.into(), total.as_str().into()],
    );
    rows.push(
        REVENUE_OPEN_ORDERS,
        vec![id.into(), text(order.placed_at).into(), total.into()],
    );
    let day = order.placed_at.format("%Y-%m-%d").to_string();
    for (pizza, _, quantity) in pizza_quantities(order) {
        let cells = vec![id.into(), pizza.into(), quantity.into()];
        rows.push(CUSTOMER_OPEN_ORDER_PIZZAS, cells);
        let cells = vec![
            id.into(),
            pizza.into(),
            day.as_str().into(),
            quantity.into(),
        ];
        rows.push(POPULAR_PIZZAS_OPEN_ORDERS, cells);
    }
}

/// The order's pizzas (id, name, quantity), lines of one pizza added up, in the order
/// they first appear (`pizza_quantities` in the server).
fn pizza_quantities(order: &Order) -> Vec<(&str, &str, i64)> {
    let mut pizzas: Vec<(&str, &str, i64)> = Vec::new();
    for line in &order.lines {
        let quantity = i64::from(line.quantity);
        match pizzas.iter_mut().find(|(id, _, _)| *id == line.pizza_id) {
            Some((_, _, total)) => *total += quantity,
            None => pizzas.push((&line.pizza_id, &line.pizza_name, quantity)),
        }
    }
    pizzas
}

/// A stored timestamp: fixed width, microseconds (`timestamp_text` in the server).
fn text(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Micros, true)
}
