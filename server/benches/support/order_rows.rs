//! An order's rows in the write model (`orders`, `order_items`) and in the read models
//! that keep one row per order or line (detail, lines, summary, kitchen queue, and what
//! the customer, popular-pizza and revenue views remember of an order still open).

use super::orders::Order;
use super::schema::*;
use app::contracts::{OrderStatus, phone_key};
use chrono::{DateTime, SecondsFormat, Utc};

/// The order's rows in the write model and the per-order read models.
pub fn write_order(rows: &mut Rows, order: &Order, version: i64, placed: i64) {
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
pub fn pizza_quantities(order: &Order) -> Vec<(&str, &str, i64)> {
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
pub fn text(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Micros, true)
}
