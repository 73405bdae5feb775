//! An order's pizzas counted by kind, for the views that tally pizzas (a customer's
//! favourites, the popular pizzas): one entry per pizza however many lines name it.

use crate::orders::OrderPlaced;

/// How many of one pizza an order holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PizzaQuantity {
    pub pizza_id: String,
    pub pizza_name: String,
    pub quantity: i64,
}

/// The order's pizzas by kind, in the order they first appear; lines of the same pizza
/// (say, a small and a large margherita) add up.
pub(crate) fn pizza_quantities(order: &OrderPlaced) -> Vec<PizzaQuantity> {
    let mut pizzas: Vec<PizzaQuantity> = Vec::new();
    for line in &order.lines {
        let quantity = i64::from(line.quantity);
        match pizzas.iter_mut().find(|p| p.pizza_id == line.pizza_id) {
            Some(pizza) => pizza.quantity += quantity,
            None => pizzas.push(PizzaQuantity {
                pizza_id: line.pizza_id.clone(),
                pizza_name: line.pizza_name.clone(),
                quantity,
            }),
        }
    }
    pizzas
}
