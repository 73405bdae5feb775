//! Input rules of the order contracts that need no database, declared through
//! `Request::validate` so the mediator's validation behavior enforces them before any
//! handler runs. Shared so the checkout form shows the same messages before sending.

use crate::contracts::{OrderLineRequest, PaymentMethod, PlaceOrder, promo_code};
use mediator::FieldError;

/// Longest name, address or special instruction accepted, in characters.
pub const MAX_TEXT_LEN: usize = 200;
/// Most pizzas of one kind in a single order line.
pub const MAX_QUANTITY: u32 = 20;
/// Most lines in one order.
pub const MAX_LINES: usize = 50;
/// Most extra toppings on one pizza.
pub const MAX_TOPPINGS: usize = 10;

/// Every rule `order` breaks, one entry per offending field; `Ok` when there is none.
pub(crate) fn check_place_order(order: &PlaceOrder) -> Result<(), Vec<FieldError>> {
    order.field_errors().map_or(Ok(()), Err)
}

impl PlaceOrder {
    fn field_errors(&self) -> Option<Vec<FieldError>> {
        let mut errors = Vec::new();
        check_text(
            &mut errors,
            "customer_name",
            &self.customer_name,
            "your name",
        );
        check_text(
            &mut errors,
            "customer_address",
            &self.customer_address,
            "a delivery address",
        );
        if let Some(message) = phone_error(&self.customer_phone) {
            errors.push(FieldError::new("customer_phone", message));
        }
        errors.extend(check_lines(&self.pizza_items));
        if let Some(code) = &self.promo_code
            && let Err(error) = promo_code("promo_code", code)
        {
            errors.push(error);
        }
        match (self.payment_method, &self.card) {
            (PaymentMethod::Card, Some(card)) => errors.extend(card.field_errors()),
            (PaymentMethod::Card, None) => errors.push(FieldError::new(
                "card",
                "Enter the card to pay with, or choose cash on delivery.",
            )),
            (PaymentMethod::Cash, Some(_)) => errors.push(FieldError::new(
                "card",
                "A card is only sent with payment_method \"card\".",
            )),
            (PaymentMethod::Cash, None) => {}
        }
        (!errors.is_empty()).then_some(errors)
    }
}

/// Every rule the lines of an order (`pizza_items`) break.
pub(crate) fn check_lines(items: &[OrderLineRequest]) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if items.is_empty() {
        errors.push(FieldError::new(
            "pizza_items",
            "Add at least one pizza to the order.",
        ));
    } else if items.len() > MAX_LINES {
        let message = format!("An order holds at most {MAX_LINES} lines.");
        errors.push(FieldError::new("pizza_items", message));
    }
    for (index, line) in items.iter().enumerate() {
        line.validate_into(index, &mut errors);
    }
    errors
}

impl OrderLineRequest {
    fn validate_into(&self, index: usize, errors: &mut Vec<FieldError>) {
        let field = |name: &str| format!("pizza_items[{index}].{name}");
        if self.pizza_id.trim().is_empty() {
            errors.push(FieldError::new(field("pizza_id"), "Choose a pizza."));
        }
        if !(1..=MAX_QUANTITY).contains(&self.quantity) {
            let message = format!("Quantity must be between 1 and {MAX_QUANTITY}.");
            errors.push(FieldError::new(field("quantity"), message));
        }
        if self.toppings.len() > MAX_TOPPINGS {
            let message = format!("At most {MAX_TOPPINGS} extra toppings per pizza.");
            errors.push(FieldError::new(field("toppings"), message));
        } else if has_duplicates(&self.toppings) {
            errors.push(FieldError::new(
                field("toppings"),
                "Each topping can be added once.",
            ));
        }
        if let Some(text) = &self.special_instructions {
            if text.chars().count() > MAX_TEXT_LEN {
                let message =
                    format!("Special instructions are limited to {MAX_TEXT_LEN} characters.");
                errors.push(FieldError::new(field("special_instructions"), message));
            } else if has_hidden_characters(text, true) {
                errors.push(FieldError::new(
                    field("special_instructions"),
                    HIDDEN_CHARACTERS,
                ));
            }
        }
    }
}

pub(crate) fn check_text(errors: &mut Vec<FieldError>, field: &str, value: &str, what: &str) {
    if value.trim().is_empty() {
        errors.push(FieldError::new(field, format!("Please enter {what}.")));
    } else if value.chars().count() > MAX_TEXT_LEN {
        let message = format!("Must be at most {MAX_TEXT_LEN} characters.");
        errors.push(FieldError::new(field, message));
    } else if has_hidden_characters(value, false) {
        errors.push(FieldError::new(field, HIDDEN_CHARACTERS));
    }
}

const HIDDEN_CHARACTERS: &str =
    "Remove the invisible or control characters (line breaks, direction marks) from this text.";

/// Whether `text` holds what a person cannot see or that changes how the text around it
/// shows: control characters (NUL, escape; line breaks too unless `lines` allows them),
/// and the bidirectional overrides and isolates that can make a ticket read backwards.
fn has_hidden_characters(text: &str, lines: bool) -> bool {
    text.chars().any(|c| {
        (c.is_control() && !(lines && matches!(c, '\n' | '\r')))
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
    })
}

/// A phone number is 7 to 20 digits; spaces, `+` and `-` may separate them.
pub(crate) fn phone_error(phone: &str) -> Option<&'static str> {
    let allowed = |c: char| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-');
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    if !phone.chars().all(allowed) {
        Some("Use digits only; spaces, + and - are allowed.")
    } else if !(7..=20).contains(&digits) {
        Some("A phone number has 7 to 20 digits.")
    } else {
        None
    }
}

fn has_duplicates(values: &[String]) -> bool {
    values
        .iter()
        .enumerate()
        .any(|(i, value)| values[..i].contains(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::testing::failing_fields;
    use crate::contracts::{PaymentMethod, PizzaSize};
    use mediator::Request;

    fn valid_order() -> PlaceOrder {
        PlaceOrder {
            customer_name: "Luigi".into(),
            customer_phone: "+39 06-555 1234".into(),
            customer_address: "Via Roma 1".into(),
            payment_method: PaymentMethod::Cash,
            pizza_items: vec![OrderLineRequest {
                pizza_id: "margherita".into(),
                size: PizzaSize::Large,
                toppings: vec!["basil".into()],
                quantity: 2,
                special_instructions: None,
            }],
            promo_code: Some("welcome10".into()),
            card: None,
        }
    }

    #[test]
    fn a_card_order_needs_a_valid_card_and_a_cash_order_none() {
        let card = crate::contracts::CardDetails {
            number: "4242 4242 4242 4242".into(),
            exp_month: 12,
            exp_year: 2030,
            cvc: "123".into(),
        };
        let by_card = PlaceOrder {
            payment_method: PaymentMethod::Card,
            ..valid_order()
        };
        assert_eq!(fields(&by_card), ["card"]);
        let typo = PlaceOrder {
            card: Some(crate::contracts::CardDetails {
                number: "4242 4242 4242 4243".into(),
                ..card.clone()
            }),
            ..by_card.clone()
        };
        assert_eq!(fields(&typo), ["card.number"]);
        let paid = PlaceOrder {
            card: Some(card.clone()),
            ..by_card
        };
        assert!(fields(&paid).is_empty());
        let cash_with_card = PlaceOrder {
            card: Some(card),
            ..valid_order()
        };
        assert_eq!(fields(&cash_with_card), ["card"]);
    }

    fn fields(order: &PlaceOrder) -> Vec<String> {
        failing_fields(order.validate())
    }

    #[test]
    fn a_promo_code_that_cannot_be_one_is_refused_before_sending() {
        let order = PlaceOrder {
            promo_code: Some("10% off".into()),
            ..valid_order()
        };
        assert_eq!(fields(&order), ["promo_code"]);
    }

    #[test]
    fn a_complete_order_has_no_errors() {
        assert_eq!(valid_order().validate(), Ok(()));
    }

    #[test]
    fn every_broken_field_is_reported_at_once() {
        let mut order = valid_order();
        order.customer_name = "   ".into();
        order.customer_phone = "12ab".into();
        order.pizza_items[0].quantity = 21;
        let expected = ["customer_name", "customer_phone", "pizza_items[0].quantity"];
        assert_eq!(fields(&order), expected);
    }

    #[test]
    fn phone_numbers_need_seven_to_twenty_digits() {
        let mut order = valid_order();
        for (phone, ok) in [
            ("123456", false),
            ("1234567", true),
            ("1".repeat(21).as_str(), false),
        ] {
            order.customer_phone = phone.into();
            assert_eq!(order.validate().is_ok(), ok, "{phone}");
        }
    }

    #[test]
    fn long_text_and_empty_orders_are_refused() {
        let mut order = valid_order();
        order.customer_address = "x".repeat(MAX_TEXT_LEN + 1);
        order.pizza_items.clear();
        assert_eq!(fields(&order), ["customer_address", "pizza_items"]);
    }

    #[test]
    fn control_and_direction_characters_are_refused_with_the_field_named() {
        let mut order = valid_order();
        order.customer_name = "Ann\0".into();
        order.customer_address = "Via Roma 1\u{202E}evil".into();
        order.pizza_items[0].special_instructions = Some("Ring twice\nthen wait\u{1b}".into());
        assert_eq!(
            fields(&order),
            [
                "customer_name",
                "customer_address",
                "pizza_items[0].special_instructions"
            ]
        );
        order.customer_name = "Ann\nBob".into();
        order.customer_address = "Via Roma 1".into();
        order.pizza_items[0].special_instructions = Some("Ring twice\nthen wait".into());
        assert_eq!(
            fields(&order),
            ["customer_name"],
            "a line break only in instructions"
        );
    }

    #[test]
    fn emoji_and_quotes_are_ordinary_text() {
        let mut order = valid_order();
        order.customer_name = "'; DROP TABLE orders; -- 🍕".into();
        assert_eq!(order.validate(), Ok(()));
    }
}
