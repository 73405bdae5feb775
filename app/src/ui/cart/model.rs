//! The cart: what the customer has picked so far. Priced with the shared pricing rules
//! so its live total matches what the server will charge; the server still prices the
//! order itself from its own menu, so a stale base price here can never be charged.

use crate::contracts::{MAX_QUANTITY, OrderLineRequest, PizzaSize, line_price};
use crate::ui::format::line_description;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One pizza choice in the cart, with everything needed to price and describe it
/// without asking the server again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct CartLine {
    /// Stable within one cart, so list rows keep their identity (and their focus).
    #[serde(default)]
    pub id: u32,
    pub pizza_id: String,
    pub pizza_name: String,
    pub base_price: Decimal,
    pub size: PizzaSize,
    /// In the menu's order, so the same choice always compares equal.
    pub toppings: Vec<String>,
    pub quantity: u32,
    #[serde(default)]
    pub special_instructions: String,
}

impl CartLine {
    /// Price of the whole line.
    pub(crate) fn line_price(&self) -> Decimal {
        line_price(
            self.base_price,
            self.size,
            self.toppings.len(),
            self.quantity,
        )
    }

    /// `2 × Pepperoni (Large, + mushrooms)`.
    pub(crate) fn description(&self) -> String {
        line_description(self.quantity, &self.pizza_name, self.size, &self.toppings)
    }

    /// The line as the `PlaceOrder` command carries it (no prices: the server decides).
    pub(crate) fn to_request(&self) -> OrderLineRequest {
        let instructions = self.special_instructions.trim();
        OrderLineRequest {
            pizza_id: self.pizza_id.clone(),
            size: self.size,
            toppings: self.toppings.clone(),
            quantity: self.quantity,
            special_instructions: (!instructions.is_empty()).then(|| instructions.to_owned()),
        }
    }

    fn same_pizza_as(&self, other: &CartLine) -> bool {
        self.pizza_id == other.pizza_id
            && self.size == other.size
            && self.toppings == other.toppings
    }
}

/// Every line the customer has added, in the order they were added.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Cart {
    lines: Vec<CartLine>,
    #[serde(default)]
    next_id: u32,
}

impl Cart {
    /// The lines, oldest first; their indexes match the `pizza_items[i]` of the order.
    pub(crate) fn lines(&self) -> &[CartLine] {
        &self.lines
    }

    /// Whether nothing has been added.
    pub(crate) fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// How many pizzas, counting quantities.
    pub(crate) fn pizza_count(&self) -> u32 {
        self.lines.iter().map(|line| line.quantity).sum()
    }

    /// Sum of the line prices.
    pub(crate) fn total(&self) -> Decimal {
        self.lines.iter().map(CartLine::line_price).sum()
    }

    /// Adds a line, or raises the quantity of an identical one when that stays within
    /// the per-line limit (beyond it a second line keeps the order valid).
    pub(crate) fn add(&mut self, mut line: CartLine) {
        if let Some(existing) = self.lines.iter_mut().find(|existing| {
            existing.same_pizza_as(&line) && existing.quantity + line.quantity <= MAX_QUANTITY
        }) {
            existing.quantity += line.quantity;
            return;
        }
        line.id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1);
        self.lines.push(line);
    }

    /// Drops the line with this id.
    pub(crate) fn remove(&mut self, id: u32) {
        self.lines.retain(|line| line.id != id);
    }

    /// Replaces the special instructions of the line with this id.
    pub(crate) fn set_instructions(&mut self, id: u32, text: String) {
        if let Some(line) = self.lines.iter_mut().find(|line| line.id == id) {
            line.special_instructions = text;
        }
    }

    /// Empties the cart once the order is placed.
    pub(crate) fn clear(&mut self) {
        self.lines.clear();
    }

    /// The lines as the `PlaceOrder` command carries them.
    pub(crate) fn to_requests(&self) -> Vec<OrderLineRequest> {
        self.lines.iter().map(CartLine::to_request).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn pepperoni(size: PizzaSize, toppings: &[&str], quantity: u32) -> CartLine {
        CartLine {
            id: 0,
            pizza_id: "pepperoni".into(),
            pizza_name: "Pepperoni".into(),
            base_price: Decimal::from_str("14.99").unwrap(),
            size,
            toppings: toppings.iter().map(|t| t.to_string()).collect(),
            quantity,
            special_instructions: String::new(),
        }
    }

    #[test]
    fn the_total_uses_the_shared_pricing_rules() {
        let mut cart = Cart::default();
        cart.add(pepperoni(PizzaSize::Large, &["mushrooms"], 2));
        assert_eq!(cart.total(), Decimal::from_str("41.98").unwrap());
        assert_eq!(
            cart.lines()[0].description(),
            "2 × Pepperoni (Large, + mushrooms)"
        );
    }

    #[test]
    fn the_same_choice_twice_raises_the_quantity() {
        let mut cart = Cart::default();
        cart.add(pepperoni(PizzaSize::Large, &[], 1));
        cart.add(pepperoni(PizzaSize::Large, &[], 2));
        cart.add(pepperoni(PizzaSize::Small, &[], 1));
        assert_eq!(cart.lines().len(), 2);
        assert_eq!(cart.lines()[0].quantity, 3);
        assert_eq!(cart.pizza_count(), 4);
    }

    #[test]
    fn a_line_never_grows_past_the_quantity_limit() {
        let mut cart = Cart::default();
        cart.add(pepperoni(PizzaSize::Medium, &[], 15));
        cart.add(pepperoni(PizzaSize::Medium, &[], 10));
        let quantities: Vec<u32> = cart.lines().iter().map(|line| line.quantity).collect();
        assert_eq!(quantities, [15, 10]);
    }

    #[test]
    fn lines_are_removed_by_id_and_ids_are_not_reused() {
        let mut cart = Cart::default();
        cart.add(pepperoni(PizzaSize::Small, &[], 1));
        cart.add(pepperoni(PizzaSize::Large, &[], 1));
        cart.remove(cart.lines()[0].id);
        cart.add(pepperoni(PizzaSize::Medium, &[], 1));
        let ids: Vec<u32> = cart.lines().iter().map(|line| line.id).collect();
        assert_eq!(ids, [1, 2]);
    }

    #[test]
    fn blank_instructions_are_not_sent() {
        let mut line = pepperoni(PizzaSize::Small, &[], 1);
        line.special_instructions = "   ".into();
        assert_eq!(line.to_request().special_instructions, None);
        line.special_instructions = " well done ".into();
        assert_eq!(
            line.to_request().special_instructions.as_deref(),
            Some("well done")
        );
    }
}
