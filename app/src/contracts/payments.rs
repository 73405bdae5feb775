//! Payment contracts: the [`CardDetails`] a card order carries to the payment gateway,
//! the [`PaymentDetails`] an order shows, and [`MarkCashCollected`], the driver's step for
//! a cash order. Card numbers are checked here (digits, length, Luhn) so the browser and
//! the server refuse the same typos; expiry needs a clock and is checked by the server.

use crate::contracts::PaymentMethod;
use mediator::{FieldError, Request, RequestKind};
use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

/// A card as the customer typed it, for the gateway only: the server never stores or
/// logs `number` or `cvc` (its `Debug` shows neither), only the brand and last four digits.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CardDetails {
    /// 13 to 19 digits; spaces and dashes between them are ignored.
    pub number: String,
    /// 1 to 12.
    pub exp_month: u32,
    /// Four digits, e.g. 2030.
    pub exp_year: u32,
    /// Three or four digits.
    pub cvc: String,
}

impl fmt::Debug for CardDetails {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CardDetails")
            .field("last4", &self.last4())
            .field("exp_month", &self.exp_month)
            .field("exp_year", &self.exp_year)
            .finish_non_exhaustive()
    }
}

impl CardDetails {
    /// The number's digits, without the spaces and dashes a customer may type.
    pub fn digits(&self) -> String {
        self.number
            .chars()
            .filter(|c| !matches!(c, ' ' | '-'))
            .collect()
    }

    /// The last four digits, the only part of the number that is kept.
    pub fn last4(&self) -> String {
        let digits: Vec<char> = self.digits().chars().collect();
        digits[digits.len().saturating_sub(4)..].iter().collect()
    }

    /// The card's brand from its first digits; "card" when it is none we know.
    pub fn brand(&self) -> &'static str {
        let digits = self.digits();
        let prefix = |len: usize| digits.get(..len).and_then(|p| p.parse::<u32>().ok());
        match (prefix(1), prefix(2), prefix(4)) {
            (Some(4), _, _) => "visa",
            (_, Some(51..=55), _) | (_, _, Some(2221..=2720)) => "mastercard",
            (_, Some(34 | 37), _) => "amex",
            (_, _, Some(6011)) | (_, Some(65), _) => "discover",
            _ => "card",
        }
    }

    /// Every rule the card breaks that needs no clock, each naming its field
    /// (`card.number`, `card.exp_month`, `card.exp_year`, `card.cvc`).
    pub fn field_errors(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let digits = self.digits();
        let number_error = if !digits.chars().all(|c| c.is_ascii_digit()) {
            Some("A card number has digits only.")
        } else if !(13..=19).contains(&digits.len()) {
            Some("A card number has 13 to 19 digits.")
        } else if !luhn_valid(&digits) {
            Some("This card number has a typo: please check it.")
        } else {
            None
        };
        if let Some(message) = number_error {
            errors.push(FieldError::new("card.number", message));
        }
        if !(1..=12).contains(&self.exp_month) {
            errors.push(FieldError::new(
                "card.exp_month",
                "The expiry month is 1 to 12.",
            ));
        }
        if !(2000..=2099).contains(&self.exp_year) {
            errors.push(FieldError::new(
                "card.exp_year",
                "The expiry year has four digits, e.g. 2030.",
            ));
        }
        let cvc = self.cvc.trim();
        if !(3..=4).contains(&cvc.len()) || !cvc.chars().all(|c| c.is_ascii_digit()) {
            errors.push(FieldError::new(
                "card.cvc",
                "The security code is the 3 or 4 digits on the card.",
            ));
        }
        errors
    }

    /// Whether the card still works in `month` of `year`: it expires after its month.
    pub fn expired_at(&self, year: u32, month: u32) -> bool {
        (self.exp_year, self.exp_month) < (year, month)
    }
}

/// The Luhn checksum every card number carries in its last digit.
fn luhn_valid(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(index, byte)| {
            let digit = u32::from(byte - b'0');
            match (index % 2 == 1, digit * 2) {
                (false, _) => digit,
                (true, doubled) if doubled > 9 => doubled - 9,
                (true, doubled) => doubled,
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// Where an order's payment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum PaymentStatus {
    /// Cash, to be collected on delivery.
    Pending,
    /// The card was charged.
    Paid,
    /// The card charge was given back (the order was cancelled).
    Refunded,
    /// The driver collected the cash.
    Collected,
}

impl PaymentStatus {
    /// Lower-case name as used in JSON and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentStatus::Pending => "pending",
            PaymentStatus::Paid => "paid",
            PaymentStatus::Refunded => "refunded",
            PaymentStatus::Collected => "collected",
        }
    }

    /// Parses the lower-case name.
    pub fn parse(value: &str) -> Option<Self> {
        [Self::Pending, Self::Paid, Self::Refunded, Self::Collected]
            .into_iter()
            .find(|status| status.as_str() == value)
    }
}

/// An order's payment as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PaymentDetails {
    pub method: PaymentMethod,
    pub status: PaymentStatus,
    /// For a card: its brand (`visa`, `mastercard`, ...).
    pub brand: Option<String>,
    /// For a card: the last four digits of its number.
    pub last4: Option<String>,
    /// For a card: the gateway's reference of the charge.
    pub reference: Option<String>,
}

impl PaymentDetails {
    /// The payment of an order nothing was recorded for yet: cash due on delivery (or an
    /// order placed before payments were taken).
    pub fn due(method: PaymentMethod) -> Self {
        Self {
            method,
            status: PaymentStatus::Pending,
            brand: None,
            last4: None,
            reference: None,
        }
    }
}

/// The driver collected the cash of a cash order that is out for delivery or delivered.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MarkCashCollected {
    pub order_id: Uuid,
}

impl Request for MarkCashCollected {
    type Response = PaymentChanged;
    const KIND: RequestKind = RequestKind::Command;
}

/// What a payment command answers (200).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PaymentChanged {
    pub order_id: Uuid,
    /// The payment's status after the command.
    pub status: PaymentStatus,
    /// Global position of the event the command appended.
    pub position: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(number: &str) -> CardDetails {
        CardDetails {
            number: number.into(),
            exp_month: 12,
            exp_year: 2030,
            cvc: "123".into(),
        }
    }

    fn fields(card: &CardDetails) -> Vec<String> {
        card.field_errors().into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn the_test_cards_pass_the_luhn_check_with_or_without_spaces() {
        for number in [
            "4242 4242 4242 4242",
            "4000-0000-0000-0002",
            "4000000000009995",
        ] {
            assert!(fields(&card(number)).is_empty(), "{number}");
        }
    }

    #[test]
    fn a_typo_letters_or_a_wrong_length_name_the_number() {
        for number in [
            "4242 4242 4242 4241",
            "4242x",
            "4242",
            "42424242424242424242",
        ] {
            assert_eq!(fields(&card(number)), ["card.number"], "{number}");
        }
    }

    #[test]
    fn month_year_and_cvc_are_checked_each_by_name() {
        let bad = CardDetails {
            exp_month: 13,
            exp_year: 30,
            cvc: "12a".into(),
            ..card("4242424242424242")
        };
        assert_eq!(
            fields(&bad),
            ["card.exp_month", "card.exp_year", "card.cvc"]
        );
    }

    #[test]
    fn debug_shows_neither_the_number_nor_the_cvc() {
        let shown = format!("{:?}", card("4242 4242 4242 4242"));
        assert!(shown.contains("4242"), "{shown}");
        assert!(!shown.contains("4242 4242"), "{shown}");
        assert!(!shown.contains("123"), "{shown}");
    }

    #[test]
    fn brand_and_last4_come_from_the_digits() {
        assert_eq!(card("4242 4242 4242 4242").brand(), "visa");
        assert_eq!(card("5555 5555 5555 4444").brand(), "mastercard");
        assert_eq!(card("3782 822463 10005").brand(), "amex");
        assert_eq!(card("4000 0000 0000 0002").last4(), "0002");
    }

    #[test]
    fn a_card_expires_after_its_month() {
        let december = card("4242424242424242");
        assert!(!december.expired_at(2030, 12));
        assert!(december.expired_at(2031, 1));
    }
}
