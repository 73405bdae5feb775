//! Domain events of the menu slice. Each carries the pizza's whole state after the
//! change, so the menu view is a plain upsert. Stream: `pizza-<id>`.

use crate::events::DomainEvent;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The stream of one pizza.
pub(crate) fn pizza_stream(pizza_id: &str) -> String {
    format!("pizza-{pizza_id}")
}

/// A pizza as the menu events describe it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PizzaState {
    pub pizza_id: String,
    pub name: String,
    pub description: String,
    pub base_price: Decimal,
    pub category: String,
    pub toppings: Vec<String>,
    pub preparation_minutes: u32,
    pub available: bool,
    /// Position on the menu, lowest first.
    pub sort_order: i64,
}

/// A pizza was put on the menu.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PizzaAdded {
    pub pizza: PizzaState,
    pub at: DateTime<Utc>,
}

/// A pizza's price, availability, description or toppings changed; `pizza` is the new state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PizzaUpdated {
    pub pizza: PizzaState,
    pub at: DateTime<Utc>,
}

/// A pizza was taken off the menu.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PizzaRemoved {
    pub pizza_id: String,
    pub at: DateTime<Utc>,
}

impl mediator::Event for PizzaAdded {}
impl mediator::Event for PizzaUpdated {}
impl mediator::Event for PizzaRemoved {}

impl DomainEvent for PizzaAdded {
    const TYPE: &'static str = "PizzaAdded";

    fn stream_id(&self) -> String {
        pizza_stream(&self.pizza.pizza_id)
    }

    fn occurred_at(&self) -> DateTime<Utc> {
        self.at
    }
}

impl DomainEvent for PizzaUpdated {
    const TYPE: &'static str = "PizzaUpdated";

    fn stream_id(&self) -> String {
        pizza_stream(&self.pizza.pizza_id)
    }

    fn occurred_at(&self) -> DateTime<Utc> {
        self.at
    }
}

impl DomainEvent for PizzaRemoved {
    const TYPE: &'static str = "PizzaRemoved";

    fn stream_id(&self) -> String {
        pizza_stream(&self.pizza_id)
    }

    fn occurred_at(&self) -> DateTime<Utc> {
        self.at
    }
}
