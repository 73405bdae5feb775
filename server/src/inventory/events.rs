//! Domain events of the inventory slice: [`InventoryEvent`]. A manager's count of an
//! ingredient is on its stream (`inventory-<ingredient>`); a pizza running out or coming
//! back is on the pizza's stock stream (`inventory-pizza-<id>`). Reservations are rows of
//! the write model, not events: every order would otherwise be a menu change.

use crate::events::DomainEvent;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The stream of one ingredient's counts.
pub(crate) fn ingredient_stream(ingredient: &str) -> String {
    format!("{}{ingredient}", InventoryEvent::STREAM_PREFIX)
}

/// The stream of one pizza's stock.
pub(crate) fn pizza_stock_stream(pizza_id: &str) -> String {
    format!("{}pizza-{pizza_id}", InventoryEvent::STREAM_PREFIX)
}

/// A manager counted an ingredient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct StockSet {
    pub ingredient: String,
    pub on_hand: i64,
    pub low_stock_at: i64,
    pub at: DateTime<Utc>,
}

/// A pizza can no longer be made: an ingredient of its smallest size ran short.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PizzaSoldOut {
    pub pizza_id: String,
    /// The ingredient that ran short first.
    pub ingredient: String,
    pub at: DateTime<Utc>,
}

/// A sold-out pizza can be made again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PizzaBackInStock {
    pub pizza_id: String,
    pub at: DateTime<Utc>,
}

/// Everything that can happen to stock; stored with the variant's name as `event_type`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event_type", content = "payload")]
pub(crate) enum InventoryEvent {
    StockSet(StockSet),
    PizzaSoldOut(PizzaSoldOut),
    PizzaBackInStock(PizzaBackInStock),
}

impl mediator::Event for InventoryEvent {}

impl DomainEvent for InventoryEvent {
    const STREAM_PREFIX: &'static str = "inventory-";

    fn stream_id(&self) -> String {
        match self {
            Self::StockSet(e) => ingredient_stream(&e.ingredient),
            Self::PizzaSoldOut(e) => pizza_stock_stream(&e.pizza_id),
            Self::PizzaBackInStock(e) => pizza_stock_stream(&e.pizza_id),
        }
    }

    fn occurred_at(&self) -> DateTime<Utc> {
        match self {
            Self::StockSet(e) => e.at,
            Self::PizzaSoldOut(e) => e.at,
            Self::PizzaBackInStock(e) => e.at,
        }
    }
}
