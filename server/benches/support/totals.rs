//! The lifetime figures of a synthetic history (per customer, per pizza and day, per
//! hour and day of revenue), summed as the projections sum them: a cancelled order is
//! added, then taken back out, which leaves its rows behind at zero.

use super::order_rows::pizza_quantities;
use super::orders::{Order, phone};
use super::schema::{CUSTOMER_HISTORY, CUSTOMER_PIZZA_COUNTS, POPULAR_PIZZAS, REVENUE, Rows};
use app::contracts::phone_key;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Sums by customer, by customer and pizza, by day and pizza, and by revenue bucket.
#[derive(Default)]
pub struct Totals {
    customers: HashMap<usize, (String, i64, Decimal)>,
    customer_pizzas: HashMap<(usize, String), (String, i64)>,
    days: HashMap<(String, String), (String, i64, i64)>,
    revenue: HashMap<(&'static str, String), (Decimal, i64)>,
}

impl Totals {
    /// Adds the order to the lifetime figures (`sign` 1), or takes it back out (-1).
    pub fn add(&mut self, order: &Order, sign: i64) {
        let amount = order.total * Decimal::from(sign);
        let customer = self
            .customers
            .entry(order.customer)
            .or_insert_with(|| (order.phone.clone(), 0, Decimal::ZERO));
        customer.1 += sign;
        customer.2 += amount;
        let day = order.placed_at.format("%Y-%m-%d").to_string();
        for (pizza_id, name, quantity) in pizza_quantities(order) {
            let bought = self
                .customer_pizzas
                .entry((order.customer, pizza_id.to_owned()))
                .or_insert_with(|| (name.to_owned(), 0));
            bought.1 += sign * quantity;
            let sold = self
                .days
                .entry((day.clone(), pizza_id.to_owned()))
                .or_insert_with(|| (name.to_owned(), 0, 0));
            sold.1 += sign * quantity;
            sold.2 += sign;
        }
        let hour = order.placed_at.format("%Y-%m-%dT%H:00:00Z").to_string();
        for (bucket, start) in [("hour", hour), ("day", day)] {
            let sum = self
                .revenue
                .entry((bucket, start))
                .or_insert((Decimal::ZERO, 0));
            sum.0 += amount;
            sum.1 += sign;
        }
    }

    /// Adds a row per customer, customer and pizza, day and pizza, and bucket.
    pub fn write(self, rows: &mut Rows) {
        for (phone, orders, spent) in self.customers.into_values() {
            let key = phone_key(&phone);
            let cells = vec![
                key.into(),
                phone.into(),
                orders.into(),
                spent.to_string().into(),
            ];
            rows.push(CUSTOMER_HISTORY, cells);
        }
        for ((customer, pizza_id), (name, quantity)) in self.customer_pizzas {
            let key = phone_key(&phone(customer));
            let cells = vec![key.into(), pizza_id.into(), name.into(), quantity.into()];
            rows.push(CUSTOMER_PIZZA_COUNTS, cells);
        }
        for ((day, pizza_id), (name, quantity, orders)) in self.days {
            let cells = vec![
                day.into(),
                pizza_id.into(),
                name.into(),
                quantity.into(),
                orders.into(),
            ];
            rows.push(POPULAR_PIZZAS, cells);
        }
        for ((bucket, start), (revenue, orders)) in self.revenue {
            let cells = vec![
                bucket.into(),
                start.into(),
                revenue.to_string().into(),
                orders.into(),
            ];
            rows.push(REVENUE, cells);
        }
    }
}
