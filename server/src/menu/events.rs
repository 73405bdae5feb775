//! Domain events of the menu slice: [`MenuEvent`]. Each carries the pizza's whole state after the
//! change, so the menu view is a plain upsert. Stream: `pizza-<id>`.

use crate::events::DomainEvent;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The stream of one pizza.
pub(crate) fn pizza_stream(pizza_id: &str) -> String {
    format!("{}{pizza_id}", MenuEvent::STREAM_PREFIX)
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
    /// Offered for a season only. Events recorded before seasons existed lack it: `false`.
    #[serde(default)]
    pub seasonal: bool,
}

/// A pizza was put on the menu.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PizzaAdded {
    pub pizza: PizzaState,
    pub at: DateTime<Utc>,
}

/// A pizza's name, price, availability, description, toppings or season changed; `pizza`
/// is the new state.
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

/// Everything that can happen to a pizza on the menu; stored with the variant's name as
/// `event_type` (see [`DomainEvent`]).
// The variants' names are the stored event types, which never change.
#[allow(clippy::enum_variant_names)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event_type", content = "payload")]
pub(crate) enum MenuEvent {
    PizzaAdded(PizzaAdded),
    PizzaUpdated(PizzaUpdated),
    PizzaRemoved(PizzaRemoved),
}

impl mediator::Event for MenuEvent {}

impl DomainEvent for MenuEvent {
    const STREAM_PREFIX: &'static str = "pizza-";

    fn stream_id(&self) -> String {
        match self {
            Self::PizzaAdded(e) => pizza_stream(&e.pizza.pizza_id),
            Self::PizzaUpdated(e) => pizza_stream(&e.pizza.pizza_id),
            Self::PizzaRemoved(e) => pizza_stream(&e.pizza_id),
        }
    }

    fn occurred_at(&self) -> DateTime<Utc> {
        match self {
            Self::PizzaAdded(e) => e.at,
            Self::PizzaUpdated(e) => e.at,
            Self::PizzaRemoved(e) => e.at,
        }
    }
}
