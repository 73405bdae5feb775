//! Stock contracts (managers): the ingredient levels ([`ListInventory`]), a new count of
//! one ingredient ([`SetStock`]) and the recipes placing draws on ([`ListRecipes`]).

use crate::contracts::PizzaSize;
use mediator::{FieldError, Request, RequestKind};
use serde::{Deserialize, Serialize};

/// Most of one ingredient a count may say is on hand, in its unit.
pub const MAX_STOCK: i64 = 100_000_000;

/// Every ingredient with what is on hand, held by placed orders and left to sell.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ListInventory;

impl Request for ListInventory {
    type Response = Vec<StockLevel>;
    const KIND: RequestKind = RequestKind::Query;
}

/// One ingredient's stock, in whole `unit`s.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct StockLevel {
    pub ingredient: String,
    /// `g`, `ml` or `pcs`.
    pub unit: String,
    pub on_hand: i64,
    /// Held by orders placed and not yet cooked.
    pub reserved: i64,
    /// What can still be sold: `on_hand - reserved` (below 0 when a count found less
    /// than orders hold).
    pub available: i64,
    /// At or below this, the management page warns.
    pub low_stock_at: i64,
}

impl StockLevel {
    /// Whether what is left to sell is down to the warning level.
    pub fn is_low(&self) -> bool {
        self.available <= self.low_stock_at
    }
}

/// A new count of one ingredient (managers): what is on hand now and, optionally, a new
/// warning level. Pizzas that need more than is left show as sold out at once.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SetStock {
    pub ingredient: String,
    pub on_hand: i64,
    #[serde(default)]
    pub low_stock_at: Option<i64>,
}

impl Request for SetStock {
    type Response = StockLevel;
    const KIND: RequestKind = RequestKind::Command;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let range = format!("0 to {MAX_STOCK}");
        if !(0..=MAX_STOCK).contains(&self.on_hand) {
            errors.push(FieldError::new("on_hand", format!("A count is {range}.")));
        }
        if self
            .low_stock_at
            .is_some_and(|low| !(0..=MAX_STOCK).contains(&low))
        {
            errors.push(FieldError::new(
                "low_stock_at",
                format!("A warning level is {range}."),
            ));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// Every recipe, by pizza then size (managers).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ListRecipes;

impl Request for ListRecipes {
    type Response = Vec<Recipe>;
    const KIND: RequestKind = RequestKind::Query;
}

/// What one pizza of one size takes of each ingredient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Recipe {
    pub pizza_id: String,
    pub size: PizzaSize,
    pub ingredients: Vec<RecipeIngredient>,
}

/// One ingredient of a [`Recipe`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RecipeIngredient {
    pub ingredient: String,
    pub quantity: i64,
}
