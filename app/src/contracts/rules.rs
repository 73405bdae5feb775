//! Field rules of the staff contracts (order lifecycle and menu editing), each adding
//! one [`FieldError`] per broken rule. They need no database, so they run in
//! `Request::validate` on both the server and, before sending, the browser.

use mediator::FieldError;
use rust_decimal::Decimal;

/// Accepted lengths of a pizza id (slug).
const SLUG_LEN: std::ops::RangeInclusive<usize> = 2..=40;
/// Highest base price accepted: a typo guard, not a business rule.
const MAX_PRICE: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);
/// Most extra toppings one pizza may offer.
const MAX_TOPPINGS: usize = 20;
/// Longest topping name, in characters.
const MAX_TOPPING_LEN: usize = 40;

/// `Ok` when no rule was broken, otherwise every broken one.
pub(crate) fn verdict(errors: Vec<FieldError>) -> Result<(), Vec<FieldError>> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// `value` must hold something other than spaces and at most `max` characters.
pub(crate) fn required_text(errors: &mut Vec<FieldError>, field: &str, value: &str, max: usize) {
    if value.trim().is_empty() {
        errors.push(FieldError::new(field, "This field cannot be blank."));
    } else {
        max_text(errors, field, value, max);
    }
}

/// `value` may be empty but holds at most `max` characters.
pub(crate) fn max_text(errors: &mut Vec<FieldError>, field: &str, value: &str, max: usize) {
    if value.trim().chars().count() > max {
        let message = format!("Must be at most {max} characters.");
        errors.push(FieldError::new(field, message));
    }
}

/// A pizza id: 2 to 40 lowercase letters, digits or dashes (`quattro-formaggi`).
pub(crate) fn slug(errors: &mut Vec<FieldError>, field: &str, value: &str) {
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    if !value.chars().all(allowed) || !SLUG_LEN.contains(&value.len()) {
        errors.push(FieldError::new(
            field,
            "Use 2 to 40 lowercase letters, digits or dashes.",
        ));
    }
}

/// A price: above zero, at most 1000, in whole cents.
pub(crate) fn price(errors: &mut Vec<FieldError>, field: &str, value: Decimal) {
    let message = if value <= Decimal::ZERO {
        "The price must be above zero."
    } else if value > MAX_PRICE {
        "The price can be at most 1000."
    } else if value.normalize().scale() > 2 {
        "The price has at most two decimals."
    } else {
        return;
    };
    errors.push(FieldError::new(field, message));
}

/// Preparation time: 1 to 120 minutes.
pub(crate) fn minutes(errors: &mut Vec<FieldError>, field: &str, value: u32) {
    if !(1..=120).contains(&value) {
        errors.push(FieldError::new(
            field,
            "Preparation takes 1 to 120 minutes.",
        ));
    }
}

/// Extra toppings: at most 20, each named (≤ 40 characters) and listed once.
pub(crate) fn toppings(errors: &mut Vec<FieldError>, field: &str, values: &[String]) {
    if values.len() > MAX_TOPPINGS {
        let message = format!("A pizza offers at most {MAX_TOPPINGS} extra toppings.");
        errors.push(FieldError::new(field, message));
        return;
    }
    for (index, value) in values.iter().enumerate() {
        required_text(errors, &format!("{field}[{index}]"), value, MAX_TOPPING_LEN);
    }
    let names: Vec<&str> = values.iter().map(|value| value.trim()).collect();
    if names
        .iter()
        .enumerate()
        .any(|(i, name)| names[..i].contains(name))
    {
        errors.push(FieldError::new(field, "Each topping can be listed once."));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::testing::failing_fields;

    fn broken(check: impl FnOnce(&mut Vec<FieldError>)) -> Vec<String> {
        let mut errors = Vec::new();
        check(&mut errors);
        failing_fields(Err::<(), _>(errors))
    }

    #[test]
    fn slugs_are_short_lowercase_words_joined_by_dashes() {
        for (value, ok) in [
            ("quattro-formaggi", true),
            ("n1", true),
            ("x", false),
            ("Margherita", false),
            ("pizza margherita", false),
            ("pizzà", false),
            (&"a".repeat(41), false),
        ] {
            assert_eq!(broken(|e| slug(e, "id", value)).is_empty(), ok, "{value}");
        }
    }

    #[test]
    fn prices_are_positive_whole_cents_up_to_a_thousand() {
        for (value, ok) in [
            ("0.01", true),
            ("1000", true),
            ("12.990", true),
            ("0", false),
            ("-1", false),
            ("1000.01", false),
            ("9.999", false),
        ] {
            let value: Decimal = value.parse().unwrap();
            assert_eq!(broken(|e| price(e, "p", value)).is_empty(), ok, "{value}");
        }
    }

    #[test]
    fn text_is_trimmed_before_it_is_measured() {
        assert_eq!(broken(|e| required_text(e, "name", "   ", 5)), ["name"]);
        assert!(broken(|e| required_text(e, "name", "  abcde  ", 5)).is_empty());
        assert_eq!(broken(|e| max_text(e, "d", "abcdef", 5)), ["d"]);
        assert!(broken(|e| max_text(e, "d", "", 5)).is_empty());
    }

    #[test]
    fn preparation_takes_one_to_a_hundred_and_twenty_minutes() {
        assert_eq!(broken(|e| minutes(e, "m", 0)), ["m"]);
        assert!(broken(|e| minutes(e, "m", 120)).is_empty());
        assert_eq!(broken(|e| minutes(e, "m", 121)), ["m"]);
    }

    #[test]
    fn toppings_are_named_unique_and_few() {
        let list = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        assert!(broken(|e| toppings(e, "t", &list(&["basil", "garlic"]))).is_empty());
        assert_eq!(
            broken(|e| toppings(e, "t", &list(&["basil", " "]))),
            ["t[1]"]
        );
        assert_eq!(
            broken(|e| toppings(e, "t", &list(&["basil", "basil "]))),
            ["t"]
        );
        let long = "x".repeat(41);
        assert_eq!(broken(|e| toppings(e, "t", &list(&[&long]))), ["t[0]"]);
        let many: Vec<String> = (0..21).map(|i| format!("topping {i}")).collect();
        assert_eq!(broken(|e| toppings(e, "t", &many)), ["t"]);
    }
}
