//! The orders of a synthetic history: who placed each one, what was in it, how the
//! server priced it, and how far it got. Orders come one every 20–80 s (50 s on
//! average, so a million span about nineteen months), from customers who order ten times
//! on average; priced with the server's own rules (`app::contracts::{unit_price,
//! line_price}`), from the menu the server seeded.

use super::rng::Rng;
use app::contracts::{OrderLine, OrderStatus, PaymentMethod, PizzaSize, line_price, unit_price};
use chrono::{DateTime, TimeDelta, Utc};
use rust_decimal::Decimal;
use uuid::Uuid;

/// Customers whose history the read-model bench asks for: each has exactly
/// [`HISTORY_ORDERS`] orders, spread evenly over the whole history, whatever its size.
pub const HISTORY_CUSTOMERS: usize = 16;
pub const HISTORY_ORDERS: usize = 20;

/// How the newest orders stand at the end of the history, newest first: a kitchen queue
/// of [`KITCHEN_QUEUE`] (pending and cooking) whatever the history's size, as in a real
/// pizzeria, where the queue follows the evening's rush and not the years behind it.
/// Three cooking: the server's default `KITCHEN_CAPACITY`.
const PENDING: usize = 27;
const COOKING: usize = 3;
const READY: usize = 4;
const DELIVERING: usize = 16;
pub const KITCHEN_QUEUE: usize = PENDING + COOKING;
/// Orders that are not finished at the end of the history.
const IN_FLIGHT: usize = KITCHEN_QUEUE + READY + DELIVERING;
/// Share of finished orders that were cancelled, in percent.
const CANCELLED_PERCENT: usize = 3;
const ORDERS_PER_CUSTOMER: usize = 10;

const FIRST_NAMES: [&str; 10] = [
    "Mario", "Luigi", "Anna", "Giulia", "Marco", "Sofia", "Luca", "Chiara", "Paolo", "Elena",
];
const LAST_NAMES: [&str; 10] = [
    "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino",
    "Greco",
];
const STREETS: [&str; 6] = [
    "Via Roma",
    "Via Toledo",
    "Corso Umberto I",
    "Via dei Tribunali",
    "Via Chiaia",
    "Via Duomo",
];

/// One pizza of the menu, as pricing needs it.
#[derive(Debug, Clone)]
pub struct MenuPizza {
    pub id: String,
    pub name: String,
    pub base_price: Decimal,
    pub toppings: Vec<String>,
    pub minutes: u32,
}

/// The phone of customer number `customer`; customers `0..HISTORY_CUSTOMERS` are the
/// ones whose history is read.
pub fn phone(customer: usize) -> String {
    format!(
        "+39 3{:02} {:03} {:04}",
        customer / 10_000_000 % 100,
        customer / 10_000 % 1000,
        customer % 10_000
    )
}

/// One order, priced, with the status it ends the history in.
#[derive(Debug, Clone)]
pub struct Order {
    pub id: Uuid,
    pub customer: usize,
    pub name: String,
    pub phone: String,
    pub address: String,
    pub payment: PaymentMethod,
    pub lines: Vec<OrderLine>,
    pub total: Decimal,
    pub prep_minutes: u32,
    pub pizzas: u32,
    pub placed_at: DateTime<Utc>,
    pub ready_at: DateTime<Utc>,
    pub status: OrderStatus,
}

/// Makes the orders of a history of `count` orders, oldest first.
pub struct OrderMaker<'m> {
    menu: &'m [MenuPizza],
    count: usize,
    customers: usize,
    /// Every how many orders one belongs to a history customer.
    history_stride: usize,
    made: usize,
    time: DateTime<Utc>,
}

impl<'m> OrderMaker<'m> {
    /// The last order is placed around `end`.
    pub fn new(menu: &'m [MenuPizza], count: usize, end: DateTime<Utc>) -> Self {
        let history_slots = HISTORY_CUSTOMERS * HISTORY_ORDERS;
        assert!(
            count >= history_slots + 2 * IN_FLIGHT,
            "a history needs at least {} orders",
            history_slots + 2 * IN_FLIGHT
        );
        Self {
            menu,
            count,
            customers: (count / ORDERS_PER_CUSTOMER).max(HISTORY_CUSTOMERS * 10),
            history_stride: (count - 2 * IN_FLIGHT) / history_slots,
            made: 0,
            time: end - TimeDelta::seconds(50 * count as i64),
        }
    }

    /// The next order, or `None` after the last.
    pub fn next(&mut self, rng: &mut Rng) -> Option<Order> {
        if self.made == self.count {
            return None;
        }
        let index = self.made;
        self.made += 1;
        self.time += TimeDelta::microseconds(rng.between(20_000_000, 80_000_000));
        let customer = self.customer(index, rng);
        let lines: Vec<OrderLine> = (0..=rng.pick(&[60, 30, 10]))
            .map(|_| self.line(rng))
            .collect();
        let pizzas: u32 = lines.iter().map(|line| line.quantity).sum();
        let minutes = |line: &OrderLine| self.pizza(&line.pizza_id).minutes;
        let prep_minutes = lines.iter().map(|l| minutes(l) * l.quantity).sum();
        let longest = lines.iter().map(minutes).max().unwrap_or(0);
        // As `Order::place`: the longest pizza, plus two minutes per extra pizza.
        let ready_in = i64::from(longest) + 2 * (i64::from(pizzas) - 1).max(0);
        Some(Order {
            id: rng.uuid(),
            customer,
            name: format!(
                "{} {}",
                FIRST_NAMES[customer % 10],
                LAST_NAMES[customer / 10 % 10]
            ),
            phone: phone(customer),
            address: format!("{} {}, Napoli", STREETS[customer % 6], customer % 150 + 1),
            payment: [PaymentMethod::Card, PaymentMethod::Cash][rng.below(2)],
            total: lines.iter().map(|line| line.line_price).sum(),
            lines,
            prep_minutes,
            pizzas,
            placed_at: self.time,
            ready_at: self.time + TimeDelta::minutes(ready_in),
            status: self.status(self.count - 1 - index, rng),
        })
    }

    fn customer(&self, index: usize, rng: &mut Rng) -> usize {
        let slot = index / self.history_stride;
        if index.is_multiple_of(self.history_stride) && slot < HISTORY_CUSTOMERS * HISTORY_ORDERS {
            slot % HISTORY_CUSTOMERS
        } else {
            HISTORY_CUSTOMERS + rng.below(self.customers - HISTORY_CUSTOMERS)
        }
    }

    /// The status of the order `newer` orders from the end.
    fn status(&self, newer: usize, rng: &mut Rng) -> OrderStatus {
        match newer {
            n if n < PENDING => OrderStatus::Pending,
            n if n < KITCHEN_QUEUE => OrderStatus::Cooking,
            n if n < KITCHEN_QUEUE + READY => OrderStatus::Ready,
            n if n < IN_FLIGHT => OrderStatus::Delivering,
            _ if rng.below(100) < CANCELLED_PERCENT => OrderStatus::Cancelled,
            _ => OrderStatus::Delivered,
        }
    }

    fn line(&self, rng: &mut Rng) -> OrderLine {
        let pizza = &self.menu[rng.below(self.menu.len())];
        let size = PizzaSize::ALL[rng.pick(&[20, 50, 30])];
        let first = rng.below(pizza.toppings.len());
        let toppings: Vec<String> = (0..rng.pick(&[60, 30, 10]).min(pizza.toppings.len()))
            .map(|n| pizza.toppings[(first + n) % pizza.toppings.len()].clone())
            .collect();
        let quantity = [1, 2, 3][rng.pick(&[80, 15, 5])];
        let special_instructions = (rng.below(10) == 0).then(|| "Well done, please.".to_owned());
        OrderLine {
            pizza_id: pizza.id.clone(),
            pizza_name: pizza.name.clone(),
            size,
            unit_price: unit_price(pizza.base_price, size, toppings.len()),
            line_price: line_price(pizza.base_price, size, toppings.len(), quantity),
            toppings,
            quantity,
            special_instructions,
        }
    }

    fn pizza(&self, id: &str) -> &MenuPizza {
        self.menu
            .iter()
            .find(|pizza| pizza.id == id)
            .expect("lines name pizzas of the menu")
    }
}
