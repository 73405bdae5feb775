//! How large one order may be: at most so many pizzas and so much money. A party larger
//! than that calls the shop; a stranger cannot tie up the kitchen with a 1,000-pizza cash
//! order. Both limits are settings (`ORDER_MAX_PIZZAS`, `ORDER_MAX_TOTAL`).

use crate::settings::Settings;
use anyhow::Context as _;
use mediator::FieldError;
use rust_decimal::Decimal;
use std::str::FromStr;

/// Default `ORDER_MAX_PIZZAS`.
pub const DEFAULT_MAX_PIZZAS: u32 = 50;
/// Default `ORDER_MAX_TOTAL`, in the menu's currency.
pub const DEFAULT_MAX_TOTAL: Decimal = Decimal::from_parts(1500, 0, 0, false, 0);

/// The largest order the shop takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderLimits {
    /// `ORDER_MAX_PIZZAS`: pizzas in one order, all lines together.
    pub max_pizzas: u32,
    /// `ORDER_MAX_TOTAL`: the most one order may cost, priced by the server.
    pub max_total: Decimal,
}

impl Default for OrderLimits {
    fn default() -> Self {
        Self {
            max_pizzas: DEFAULT_MAX_PIZZAS,
            max_total: DEFAULT_MAX_TOTAL,
        }
    }
}

impl OrderLimits {
    /// Reads `ORDER_MAX_PIZZAS` (a whole number, at least 1) and `ORDER_MAX_TOTAL` (an
    /// amount above 0, like `750` or `749.50`) over the defaults.
    pub fn from_settings(settings: &impl Settings) -> anyhow::Result<Self> {
        let mut limits = Self::default();
        if let Ok(raw) = settings.var("ORDER_MAX_PIZZAS") {
            limits.max_pizzas = raw
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|pizzas| *pizzas > 0)
                .with_context(|| format!("ORDER_MAX_PIZZAS {raw:?} is not a positive number"))?;
        }
        if let Ok(raw) = settings.var("ORDER_MAX_TOTAL") {
            limits.max_total = Decimal::from_str(raw.trim())
                .ok()
                .filter(|total| total.is_sign_positive() && !total.is_zero())
                .with_context(|| format!("ORDER_MAX_TOTAL {raw:?} is not an amount above 0"))?;
        }
        Ok(limits)
    }

    /// The limit an order of `pizzas` pizzas costing `total` breaks, on `pizza_items`: the
    /// count first, as a customer over both fixes that first.
    pub(crate) fn check(&self, pizzas: u64, total: Decimal) -> Result<(), Vec<FieldError>> {
        let message = if pizzas > u64::from(self.max_pizzas) {
            format!(
                "An order holds at most {} pizzas; for a party, please call us.",
                self.max_pizzas
            )
        } else if total > self.max_total {
            format!(
                "An order comes to at most ${:.2}; for a party, please call us.",
                self.max_total
            )
        } else {
            return Ok(());
        };
        Err(vec![FieldError::new("pizza_items", message)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_order_at_both_limits_passes_and_one_over_either_fails() {
        let limits = OrderLimits {
            max_pizzas: 10,
            max_total: Decimal::new(10000, 2),
        };
        assert_eq!(limits.check(10, Decimal::new(10000, 2)), Ok(()));
        let too_many = limits.check(11, Decimal::ONE).unwrap_err();
        assert_eq!(too_many.len(), 1);
        assert!(
            too_many[0].message.contains("at most 10 pizzas"),
            "{too_many:?}"
        );
        let too_dear = limits.check(1, Decimal::new(10001, 2)).unwrap_err();
        assert!(too_dear[0].message.contains("$100.00"), "{too_dear:?}");
        let both = limits.check(11, Decimal::new(10001, 2)).unwrap_err();
        assert_eq!(both, too_many, "the count is named first");
    }

    #[test]
    fn the_default_limits_are_fifty_pizzas_and_fifteen_hundred() {
        let limits = OrderLimits::default();
        assert_eq!(limits.max_pizzas, 50);
        assert_eq!(limits.max_total.to_string(), "1500");
    }
}
