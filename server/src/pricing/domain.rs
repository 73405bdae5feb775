//! Pure pricing rules: whether a promo code applies to an order, and the total breakdown
//! of an order from its pizzas' price, the shop's pricing and the code. No database here,
//! so every rule is tested directly.
//!
//! The order of the bill: the discount comes off the pizzas; the delivery fee is waived
//! when what is left reaches `free_delivery_from`; the tax is computed on pizzas after
//! discount plus delivery, and either is inside that sum (`prices_include_tax`) or added
//! to it. Every amount is rounded to cents, half away from zero.

use app::contracts::{DiscountKind, PromoCode, ShopPricing, TotalBreakdown};
use chrono::{DateTime, Utc};
use mediator::FieldError;
use rust_decimal::{Decimal, RoundingStrategy};

/// The field a promo code's errors name.
pub(crate) const PROMO_FIELD: &str = "promo_code";

/// Whether `promo` may be used by an order whose pizzas cost `subtotal`, at `now`.
pub(crate) fn check_promo(
    promo: &PromoCode,
    subtotal: Decimal,
    now: DateTime<Utc>,
) -> Result<(), FieldError> {
    let code = &promo.code;
    let refused = |message: String| Err(FieldError::new(PROMO_FIELD, message));
    if let Some(from) = promo.valid_from
        && now < from
    {
        return refused(format!("{code} can be used from {}.", day(from)));
    }
    if let Some(until) = promo.valid_until
        && now >= until
    {
        return refused(format!("{code} expired on {}.", day(until)));
    }
    if promo.max_uses.is_some_and(|most| promo.uses >= most) {
        return refused(format!("{code} has been used up."));
    }
    if let Some(least) = promo.min_subtotal
        && subtotal < least
    {
        return refused(format!("{code} needs pizzas worth at least {least}."));
    }
    Ok(())
}

/// The bill of an order whose pizzas cost `subtotal`, with `promo` already checked.
pub(crate) fn breakdown(
    subtotal: Decimal,
    pricing: &ShopPricing,
    promo: Option<&PromoCode>,
) -> TotalBreakdown {
    let discount = promo.map_or(Decimal::ZERO, |promo| discount(subtotal, promo));
    let after_discount = subtotal - discount;
    let free = pricing
        .free_delivery_from
        .is_some_and(|from| after_discount >= from);
    let delivery_fee = if free {
        Decimal::ZERO
    } else {
        pricing.delivery_fee
    };
    let taxed = after_discount + delivery_fee;
    let rate = pricing.tax_rate;
    let (tax, total) = if pricing.prices_include_tax {
        (cents(taxed - taxed / (Decimal::ONE + rate)), taxed)
    } else {
        let tax = cents(taxed * rate);
        (tax, taxed + tax)
    };
    TotalBreakdown {
        subtotal: cents(subtotal),
        delivery_fee: cents(delivery_fee),
        discount: cents(discount),
        tax,
        prices_include_tax: pricing.prices_include_tax,
        total: cents(total),
        promo_code: promo.map(|promo| promo.code.clone()),
    }
}

/// What `promo` takes off pizzas costing `subtotal`: never more than they cost.
fn discount(subtotal: Decimal, promo: &PromoCode) -> Decimal {
    let off = match promo.kind {
        DiscountKind::Percent => cents(subtotal * promo.value / Decimal::ONE_HUNDRED),
        DiscountKind::Amount => promo.value,
    };
    off.min(subtotal)
}

/// `value` rounded to cents, with exactly two decimals.
pub(crate) fn cents(value: Decimal) -> Decimal {
    let mut rounded = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    rounded
}

/// A UTC day, as the messages name it.
fn day(time: DateTime<Utc>) -> String {
    time.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;
    use std::str::FromStr;

    fn dec(value: &str) -> Decimal {
        Decimal::from_str(value).unwrap()
    }

    fn shop(fee: &str, free_from: Option<&str>, rate: &str, included: bool) -> ShopPricing {
        ShopPricing {
            delivery_fee: dec(fee),
            free_delivery_from: free_from.map(dec),
            tax_rate: dec(rate),
            prices_include_tax: included,
        }
    }

    fn promo(kind: DiscountKind, value: &str) -> PromoCode {
        PromoCode {
            code: "SAVE".into(),
            kind,
            value: dec(value),
            valid_from: None,
            valid_until: None,
            max_uses: None,
            min_subtotal: None,
            uses: 0,
        }
    }

    /// (subtotal, delivery fee, discount, tax, total) as text.
    fn bill(breakdown: &TotalBreakdown) -> [String; 5] {
        [
            breakdown.subtotal,
            breakdown.delivery_fee,
            breakdown.discount,
            breakdown.tax,
            breakdown.total,
        ]
        .map(|amount| amount.to_string())
    }

    #[test]
    fn a_shop_without_charges_bills_the_pizzas_alone() {
        let breakdown = breakdown(dec("47.77"), &ShopPricing::default(), None);
        assert_eq!(breakdown, TotalBreakdown::pizzas_only(dec("47.77")));
        assert_eq!(bill(&breakdown), ["47.77", "0.00", "0.00", "0.00", "47.77"]);
    }

    #[test]
    fn tax_added_on_top_covers_the_pizzas_and_the_delivery() {
        let pricing = shop("2.50", None, "0.10", false);
        let breakdown = breakdown(dec("20.00"), &pricing, None);
        assert_eq!(bill(&breakdown), ["20.00", "2.50", "0.00", "2.25", "24.75"]);
    }

    #[test]
    fn included_tax_is_shown_but_not_added() {
        let pricing = shop("0", None, "0.22", true);
        let breakdown = breakdown(dec("12.20"), &pricing, None);
        assert_eq!(bill(&breakdown), ["12.20", "0.00", "0.00", "2.20", "12.20"]);
    }

    #[test]
    fn delivery_is_free_once_the_discounted_pizzas_reach_the_threshold() {
        let pricing = shop("3.00", Some("30.00"), "0", true);
        assert_eq!(
            breakdown(dec("30.00"), &pricing, None).delivery_fee,
            dec("0")
        );
        let ten_off = promo(DiscountKind::Amount, "10.00");
        let discounted = breakdown(dec("35.00"), &pricing, Some(&ten_off));
        assert_eq!(
            bill(&discounted),
            ["35.00", "3.00", "10.00", "0.00", "28.00"]
        );
        assert_eq!(discounted.promo_code.as_deref(), Some("SAVE"));
    }

    #[test]
    fn a_percentage_rounds_to_cents_and_an_amount_never_exceeds_the_pizzas() {
        let pricing = ShopPricing::default();
        let third = promo(DiscountKind::Percent, "33.33");
        assert_eq!(
            breakdown(dec("10.99"), &pricing, Some(&third)).discount,
            dec("3.66")
        );
        let all = promo(DiscountKind::Amount, "50.00");
        let free = breakdown(dec("12.99"), &shop("2.00", None, "0.10", false), Some(&all));
        assert_eq!(bill(&free), ["12.99", "2.00", "12.99", "0.20", "2.20"]);
    }

    #[test]
    fn a_code_is_refused_before_its_start_after_its_end_used_up_or_below_its_minimum() {
        let now = Utc::now();
        let ok = promo(DiscountKind::Percent, "10");
        assert_eq!(check_promo(&ok, dec("5"), now), Ok(()));
        let cases = [
            (
                PromoCode {
                    valid_from: Some(now + Duration::days(1)),
                    ..ok.clone()
                },
                "can be used from",
            ),
            (
                PromoCode {
                    valid_until: Some(now),
                    ..ok.clone()
                },
                "expired on",
            ),
            (
                PromoCode {
                    max_uses: Some(3),
                    uses: 3,
                    ..ok.clone()
                },
                "used up",
            ),
            (
                PromoCode {
                    min_subtotal: Some(dec("20.00")),
                    ..ok.clone()
                },
                "at least 20.00",
            ),
        ];
        for (code, words) in cases {
            let error = check_promo(&code, dec("19.99"), now).unwrap_err();
            assert_eq!(error.field, PROMO_FIELD);
            assert!(error.message.contains(words), "{}", error.message);
        }
    }
}
