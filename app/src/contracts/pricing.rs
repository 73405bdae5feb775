//! Pricing rules, shared so the cart's live total and the server's total agree.
//! The server always recomputes totals from its own menu; the client only previews.

use crate::contracts::PizzaSize;
use rust_decimal::{Decimal, RoundingStrategy};

/// Price of each extra topping: 1.50.
pub const TOPPING_PRICE: Decimal = Decimal::from_parts(150, 0, 0, false, 2);

/// Price of one pizza of `size` with `extra_toppings` toppings, rounded to cents.
pub fn unit_price(base_price: Decimal, size: PizzaSize, extra_toppings: usize) -> Decimal {
    let toppings = TOPPING_PRICE * Decimal::from(extra_toppings as u64);
    let mut price = (base_price * size.multiplier() + toppings)
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    // Always two decimals, so "10" prints as "10.00" in JSON and on screen.
    price.rescale(2);
    price
}

/// Price of a line: the unit price times the quantity.
pub fn line_price(
    base_price: Decimal,
    size: PizzaSize,
    extra_toppings: usize,
    quantity: u32,
) -> Decimal {
    unit_price(base_price, size, extra_toppings) * Decimal::from(quantity)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(value: &str) -> Decimal {
        Decimal::from_str(value).unwrap()
    }

    #[test]
    fn sizes_scale_the_base_price_and_round_to_cents() {
        assert_eq!(unit_price(dec("12.99"), PizzaSize::Small, 0), dec("10.39"));
        assert_eq!(unit_price(dec("12.99"), PizzaSize::Medium, 0), dec("12.99"));
        assert_eq!(unit_price(dec("12.99"), PizzaSize::Large, 0), dec("16.89"));
    }

    #[test]
    fn each_extra_topping_costs_one_fifty_and_quantity_multiplies() {
        assert_eq!(unit_price(dec("10.00"), PizzaSize::Medium, 2), dec("13.00"));
        assert_eq!(
            line_price(dec("14.99"), PizzaSize::Large, 1, 2),
            dec("41.98")
        );
    }

    #[test]
    fn prices_serialize_with_two_decimals() {
        assert_eq!(
            unit_price(dec("12.99"), PizzaSize::Medium, 0).to_string(),
            "12.99"
        );
        assert_eq!(
            line_price(dec("10"), PizzaSize::Medium, 0, 3).to_string(),
            "30.00"
        );
    }
}
