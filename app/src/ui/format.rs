//! How the pages spell prices, sizes, times, counts and links. Kept in one place so every
//! page says "$12.99" the same way, and so the server and the browser render identical
//! text (a mismatch would break hydration).

use crate::contracts::{DAY_NAMES, PaymentDetails, PaymentMethod, PaymentStatus, PizzaSize};
use crate::ui::shop_zone::shop_local;
use chrono::{DateTime, Datelike, Timelike, Utc};
use rust_decimal::Decimal;
use uuid::Uuid;

/// `$` and the amount with two decimals: `$41.98`.
pub(crate) fn money(amount: Decimal) -> String {
    format!("${amount:.2}")
}

/// The size as a customer reads it: `Medium`.
pub(crate) fn size_label(size: PizzaSize) -> &'static str {
    match size {
        PizzaSize::Small => "Small",
        PizzaSize::Medium => "Medium",
        PizzaSize::Large => "Large",
    }
}

/// The payment method as a customer reads it: `Card`.
pub(crate) fn payment_label(method: PaymentMethod) -> &'static str {
    match method {
        PaymentMethod::Cash => "Cash",
        PaymentMethod::Card => "Card",
    }
}

/// How an order is paid, in a sentence: "Paid by Visa card ending 4242.", "Paying cash
/// on delivery.", ...
pub(crate) fn payment_text(payment: &PaymentDetails) -> String {
    let card = || {
        let brand = match payment.brand.as_deref() {
            Some("visa") => "Visa",
            Some("mastercard") => "Mastercard",
            Some("amex") => "American Express",
            Some("discover") => "Discover",
            _ => "your",
        };
        let last4 = payment.last4.as_deref().unwrap_or("····");
        format!("{brand} card ending {last4}")
    };
    match (payment.method, payment.status) {
        (PaymentMethod::Cash, PaymentStatus::Collected) => "Paid in cash on delivery.".into(),
        (PaymentMethod::Cash, _) => "Paying cash on delivery.".into(),
        (PaymentMethod::Card, PaymentStatus::Paid) => format!("Paid by {}.", card()),
        (PaymentMethod::Card, PaymentStatus::Refunded) => format!("Refunded to {}.", card()),
        (PaymentMethod::Card, _) => "Paying by card.".into(),
    }
}

/// `2 × Pepperoni (Large, + mushrooms, + olives)`: one order line in words.
pub(crate) fn line_description(
    quantity: u32,
    pizza_name: &str,
    size: PizzaSize,
    toppings: &[String],
) -> String {
    let mut details = size_label(size).to_owned();
    for topping in toppings {
        details.push_str(", + ");
        details.push_str(topping);
    }
    format!("{quantity} × {pizza_name} ({details})")
}

// Dates and ids are spelled out by hand from their parts: chrono's `format` (a strftime
// interpreter) and Unicode case mapping would cost the wasm bundle tens of kilobytes for
// these three lines of text.

/// Time of day on the shop's clock, `18:45`: the shop's, not the visitor's (the server
/// renders the page first and has no way to know the visitor's zone, and a pizzeria's
/// customers are where it is).
pub(crate) fn clock_time(at: DateTime<Utc>) -> String {
    let local = shop_local(at);
    format!("{:02}:{:02}", local.hour(), local.minute())
}

/// The shop's day as typed in forms, `2025-12-05`.
pub(crate) fn iso_day(at: DateTime<Utc>) -> String {
    let local = shop_local(at);
    format!(
        "{:04}-{:02}-{:02}",
        local.year(),
        local.month(),
        local.day()
    )
}

/// The months, January first.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The shop's calendar day, `Friday 5 December 2025`.
pub(crate) fn long_date(at: DateTime<Utc>) -> String {
    let at = shop_local(at);
    let weekday = DAY_NAMES[at.weekday().num_days_from_monday() as usize];
    let month = MONTHS[at.month0() as usize];
    format!("{weekday} {} {month} {}", at.day(), at.year())
}

/// A number of orders, `1 order`, `3 orders`.
pub(crate) fn orders(count: u64) -> String {
    if count == 1 {
        "1 order".to_owned()
    } else {
        format!("{count} orders")
    }
}

/// The first block of an order id, enough for a person to quote on the phone: its first
/// four bytes in upper-case hex, `0F8FAD5B`.
pub(crate) fn short_id(id: Uuid) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut text = String::with_capacity(8);
    for byte in &id.as_bytes()[..4] {
        text.push(char::from(HEX[usize::from(byte >> 4)]));
        text.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    text
}

/// Link to the menu filtered by one category, `/?category=Meat%20Lovers`.
pub(crate) fn category_href(category: &str) -> String {
    format!("/?category={}", encode_query_value(category))
}

/// Percent-encodes everything but the unreserved characters of RFC 3986. Hand-written
/// because the router's own escape differs between server and browser builds, which
/// would make the rendered `href`s disagree during hydration.
pub(crate) fn encode_query_value(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::ShopZone;
    use crate::ui::shop_zone::with_shop_zone;
    use chrono::TimeZone;
    use std::str::FromStr;

    #[test]
    fn money_always_shows_cents() {
        assert_eq!(money(Decimal::from_str("41.98").unwrap()), "$41.98");
        assert_eq!(money(Decimal::from(10)), "$10.00");
        assert_eq!(money(Decimal::from_str("7.5").unwrap()), "$7.50");
    }

    #[test]
    fn a_line_lists_size_then_each_topping() {
        let toppings = vec!["mushrooms".to_owned(), "olives".to_owned()];
        assert_eq!(
            line_description(2, "Pepperoni", PizzaSize::Large, &toppings),
            "2 × Pepperoni (Large, + mushrooms, + olives)"
        );
        assert_eq!(
            line_description(1, "Margherita", PizzaSize::Medium, &[]),
            "1 × Margherita (Medium)"
        );
    }

    #[test]
    fn category_links_escape_spaces_and_symbols() {
        assert_eq!(category_href("Classic"), "/?category=Classic");
        assert_eq!(category_href("Meat & Fish"), "/?category=Meat%20%26%20Fish");
        assert_eq!(category_href("Piccante é"), "/?category=Piccante%20%C3%A9");
    }

    #[test]
    fn times_read_in_utc_where_the_app_has_no_zone() {
        let at = Utc.with_ymd_and_hms(2025, 12, 5, 18, 45, 0).unwrap();
        assert_eq!(clock_time(at), "18:45");
        assert_eq!(long_date(at), "Friday 5 December 2025");
        let at = Utc.with_ymd_and_hms(2026, 3, 1, 7, 5, 59).unwrap();
        assert_eq!(clock_time(at), "07:05");
        assert_eq!(long_date(at), "Sunday 1 March 2026");
    }

    #[test]
    fn times_read_on_the_shops_clock_with_the_offset_of_their_day() {
        // New York: UTC-5, UTC-4 from 8 March 2026 07:00 UTC.
        let zone = ShopZone {
            timezone: "America/New_York".into(),
            offsets: vec![(i64::MIN, -18_000), (1_772_953_200, -14_400)],
        };
        with_shop_zone(zone, || {
            let at = Utc.with_ymd_and_hms(2026, 3, 7, 2, 30, 0).unwrap();
            assert_eq!(clock_time(at), "21:30");
            assert_eq!(long_date(at), "Friday 6 March 2026");
            assert_eq!(iso_day(at), "2026-03-06");
            let at = Utc.with_ymd_and_hms(2026, 3, 8, 7, 0, 0).unwrap();
            assert_eq!(clock_time(at), "03:00");
            assert_eq!(iso_day(at), "2026-03-08");
        });
    }

    #[test]
    fn times_read_like_chrono_would_write_them() {
        let mut at = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
        for _ in 0..400 {
            assert_eq!(clock_time(at), at.format("%H:%M").to_string());
            assert_eq!(iso_day(at), at.format("%Y-%m-%d").to_string());
            assert_eq!(long_date(at), at.format("%A %-d %B %Y").to_string());
            at += chrono::Duration::minutes(1_337);
        }
    }

    #[test]
    fn one_order_is_singular_and_any_other_count_plural() {
        assert_eq!(orders(0), "0 orders");
        assert_eq!(orders(1), "1 order");
        assert_eq!(orders(3), "3 orders");
    }

    #[test]
    fn short_ids_are_the_first_eight_hex_digits() {
        let id = Uuid::from_str("0f8fad5b-d9cb-469f-a165-70867728950e").unwrap();
        assert_eq!(short_id(id), "0F8FAD5B");
        let id = Uuid::from_str("a1b2c3d4-0000-4000-8000-000000000000").unwrap();
        assert_eq!(short_id(id), "A1B2C3D4");
    }
}
