//! What an order costs beyond its pizzas: the shop's delivery fee and tax
//! ([`ShopPricing`], which managers set), promo codes ([`PromoCode`]), and the total
//! breakdown every order carries ([`TotalBreakdown`]). The server computes breakdowns; a
//! checkout asks for one with [`GetPriceQuote`] before the customer commits.

use crate::contracts::OrderLineRequest;
use crate::contracts::rules::{price, verdict};
use crate::contracts::validation::check_lines;
use chrono::{DateTime, Datelike, Utc};
use mediator::{FieldError, Request, RequestKind};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Highest tax rate accepted (50 %): a typo guard, not a tax rule.
pub const MAX_TAX_RATE: Decimal = Decimal::from_parts(5, 0, 0, false, 1);
/// Accepted lengths of a promo code.
pub const PROMO_CODE_LEN: std::ops::RangeInclusive<usize> = 3..=20;

/// The shop's charges on top of the pizzas.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema), schema(example = json!({
    "delivery_fee": "2.50",
    "free_delivery_from": "30.00",
    "tax_rate": "0.10",
    "prices_include_tax": true
})))]
#[serde(deny_unknown_fields)]
pub struct ShopPricing {
    /// Charged per order, 0 to 1000, in whole cents; 0 delivers for free.
    pub delivery_fee: Decimal,
    /// Delivery is free when the pizzas, after any discount, cost at least this; `null`
    /// never waives the fee.
    #[serde(default)]
    pub free_delivery_from: Option<Decimal>,
    /// A fraction: `0.10` is 10 %; 0 to 0.5, at most four decimals.
    pub tax_rate: Decimal,
    /// `true`: menu prices and the delivery fee include the tax, which the breakdown shows
    /// as part of the total. `false`: the tax is added on top.
    pub prices_include_tax: bool,
}

impl Default for ShopPricing {
    /// No fee, no tax: what a shop charges before its manager sets anything.
    fn default() -> Self {
        Self {
            delivery_fee: Decimal::ZERO,
            free_delivery_from: None,
            tax_rate: Decimal::ZERO,
            prices_include_tax: true,
        }
    }
}

/// Reads the shop's pricing (managers).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct GetShopPricing;

impl Request for GetShopPricing {
    type Response = ShopPricing;
    const KIND: RequestKind = RequestKind::Query;
}

/// Sets every field of the shop's pricing at once (managers); answers the new pricing.
/// Orders placed from then on pay it; orders placed before keep what they paid.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct UpdateShopPricing {
    pub pricing: ShopPricing,
}

impl Request for UpdateShopPricing {
    type Response = ShopPricing;
    const KIND: RequestKind = RequestKind::Command;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let pricing = &self.pricing;
        amount(&mut errors, "delivery_fee", pricing.delivery_fee);
        if let Some(from) = pricing.free_delivery_from {
            amount(&mut errors, "free_delivery_from", from);
        }
        let rate = pricing.tax_rate;
        if rate < Decimal::ZERO || rate > MAX_TAX_RATE || rate.normalize().scale() > 4 {
            let message = "Give the rate as a fraction from 0 to 0.5 (0.10 is 10 %).";
            errors.push(FieldError::new("tax_rate", message));
        }
        verdict(errors)
    }
}

/// How a promo code takes money off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum DiscountKind {
    /// `value` per cent of the pizzas' price.
    Percent,
    /// `value` off the pizzas' price, never more than it.
    Amount,
}

impl DiscountKind {
    /// Lower-case name as used in JSON and stored.
    pub fn as_str(self) -> &'static str {
        match self {
            DiscountKind::Percent => "percent",
            DiscountKind::Amount => "amount",
        }
    }

    /// Parses the lower-case name.
    pub fn parse(value: &str) -> Option<Self> {
        [Self::Percent, Self::Amount]
            .into_iter()
            .find(|kind| kind.as_str() == value)
    }
}

/// Creates a promo code (managers); answers it, 201. A code already in use is a 409.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema), schema(example = json!({
    "code": "WELCOME10", "kind": "percent", "value": "10", "max_uses": 100,
    "min_subtotal": "20.00"
})))]
#[serde(deny_unknown_fields)]
pub struct AddPromoCode {
    /// 3 to 20 letters or digits; matched without regard to case, stored in capitals.
    pub code: String,
    pub kind: DiscountKind,
    /// Per cent (above 0, at most 100) or an amount (above 0, at most 1000, in cents).
    pub value: Decimal,
    /// Usable from then on; `null` at once.
    #[serde(default)]
    pub valid_from: Option<DateTime<Utc>>,
    /// Usable until then; `null` for ever. Must be after `valid_from`.
    #[serde(default)]
    pub valid_until: Option<DateTime<Utc>>,
    /// How many orders may use it; `null` for any number.
    #[serde(default)]
    pub max_uses: Option<u32>,
    /// The least the pizzas must cost for it to apply.
    #[serde(default)]
    pub min_subtotal: Option<Decimal>,
}

impl Request for AddPromoCode {
    type Response = PromoCode;
    const KIND: RequestKind = RequestKind::Command;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if let Err(error) = promo_code("code", &self.code) {
            errors.push(error);
        }
        match self.kind {
            DiscountKind::Percent => {
                if self.value <= Decimal::ZERO || self.value > Decimal::ONE_HUNDRED {
                    errors.push(FieldError::new(
                        "value",
                        "A percentage is above 0, up to 100.",
                    ));
                }
            }
            DiscountKind::Amount => price(&mut errors, "value", self.value),
        }
        for (field, time) in [
            ("valid_from", self.valid_from),
            ("valid_until", self.valid_until),
        ] {
            if time.is_some_and(|time| !(2000..=2999).contains(&time.year())) {
                errors.push(FieldError::new(
                    field,
                    "Pick a day between the years 2000 and 2999.",
                ));
            }
        }
        if let (Some(from), Some(until)) = (self.valid_from, self.valid_until)
            && until <= from
        {
            errors.push(FieldError::new("valid_until", "Must be after valid_from."));
        }
        if self.max_uses == Some(0) {
            errors.push(FieldError::new(
                "max_uses",
                "Allow at least one use, or leave it out.",
            ));
        }
        if let Some(least) = self.min_subtotal {
            amount(&mut errors, "min_subtotal", least);
        }
        verdict(errors)
    }
}

/// A promo code as stored, with how often orders used it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PromoCode {
    pub code: String,
    pub kind: DiscountKind,
    pub value: Decimal,
    pub valid_from: Option<DateTime<Utc>>,
    pub valid_until: Option<DateTime<Utc>>,
    pub max_uses: Option<u32>,
    pub min_subtotal: Option<Decimal>,
    /// Orders placed with it.
    pub uses: u32,
}

/// Lists every promo code, by code (managers).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ListPromoCodes;

impl Request for ListPromoCodes {
    type Response = Vec<PromoCode>;
    const KIND: RequestKind = RequestKind::Query;
}

/// Deletes a promo code (managers): orders can no longer use it; those that did keep
/// their discount. An unknown code is a 404.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RemovePromoCode {
    pub code: String,
}

impl Request for RemovePromoCode {
    type Response = ();
    const KIND: RequestKind = RequestKind::Command;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        promo_code("code", &self.code)
            .map(|_| ())
            .map_err(|error| vec![error])
    }
}

/// What an order costs, line by line of the bill. `total` is what is charged.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TotalBreakdown {
    /// The pizzas, as priced by the menu.
    pub subtotal: Decimal,
    pub delivery_fee: Decimal,
    /// Taken off by the promo code.
    pub discount: Decimal,
    /// The tax in the total: included in the prices, or added to them.
    pub tax: Decimal,
    pub prices_include_tax: bool,
    /// Subtotal − discount + delivery fee, plus the tax when prices exclude it.
    pub total: Decimal,
    /// The promo code applied, in capitals.
    #[serde(default)]
    pub promo_code: Option<String>,
}

impl TotalBreakdown {
    /// The breakdown of an order that paid its pizzas and nothing else: every order
    /// placed before the shop had charges.
    pub fn pizzas_only(subtotal: Decimal) -> Self {
        Self {
            subtotal,
            delivery_fee: Decimal::ZERO,
            discount: Decimal::ZERO,
            tax: Decimal::ZERO,
            prices_include_tax: true,
            total: subtotal,
            promo_code: None,
        }
    }
}

/// Prices a cart as `PlaceOrder` would, without placing it: what the checkout shows
/// before the customer commits. Unknown pizzas and promo codes answer 422 as placing does.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct GetPriceQuote {
    pub pizza_items: Vec<OrderLineRequest>,
    #[serde(default)]
    pub promo_code: Option<String>,
}

impl Request for GetPriceQuote {
    type Response = TotalBreakdown;
    const KIND: RequestKind = RequestKind::Query;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = check_lines(&self.pizza_items);
        if let Some(code) = &self.promo_code
            && let Err(error) = promo_code("promo_code", code)
        {
            errors.push(error);
        }
        verdict(errors)
    }
}

/// A promo code as typed: 3 to 20 letters or digits, spaces around it ignored; the
/// code in capitals, or the error naming `field`.
pub fn promo_code(field: &str, typed: &str) -> Result<String, FieldError> {
    let code = typed.trim().to_ascii_uppercase();
    if PROMO_CODE_LEN.contains(&code.len()) && code.chars().all(|c| c.is_ascii_alphanumeric()) {
        Ok(code)
    } else {
        let message = "A promo code is 3 to 20 letters or digits.";
        Err(FieldError::new(field, message))
    }
}

/// A sum of money: 0 or a price (above 0, at most 1000, whole cents).
fn amount(errors: &mut Vec<FieldError>, field: &str, value: Decimal) {
    if value != Decimal::ZERO {
        price(errors, field, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::testing::failing_fields;

    fn pricing() -> UpdateShopPricing {
        UpdateShopPricing {
            pricing: ShopPricing {
                delivery_fee: Decimal::new(250, 2),
                free_delivery_from: Some(Decimal::new(30, 0)),
                tax_rate: Decimal::new(10, 2),
                prices_include_tax: false,
            },
        }
    }

    fn welcome() -> AddPromoCode {
        AddPromoCode {
            code: "welcome10".into(),
            kind: DiscountKind::Percent,
            value: Decimal::TEN,
            valid_from: None,
            valid_until: None,
            max_uses: Some(100),
            min_subtotal: Some(Decimal::new(20, 0)),
        }
    }

    #[test]
    fn sensible_pricing_and_codes_pass() {
        assert_eq!(pricing().validate(), Ok(()));
        assert_eq!(welcome().validate(), Ok(()));
        let free = UpdateShopPricing {
            pricing: ShopPricing::default(),
        };
        assert_eq!(free.validate(), Ok(()));
    }

    #[test]
    fn pricing_out_of_range_names_each_field() {
        let mut update = pricing();
        update.pricing.delivery_fee = Decimal::new(-1, 0);
        update.pricing.free_delivery_from = Some(Decimal::new(1, 3));
        update.pricing.tax_rate = Decimal::new(6, 1);
        let fields = failing_fields(update.validate());
        assert_eq!(fields, ["delivery_fee", "free_delivery_from", "tax_rate"]);
        update = pricing();
        update.pricing.tax_rate = Decimal::new(12345, 5);
        assert_eq!(failing_fields(update.validate()), ["tax_rate"]);
    }

    #[test]
    fn promo_codes_are_letters_and_digits_in_capitals() {
        assert_eq!(promo_code("c", " welcome10 "), Ok("WELCOME10".into()));
        for bad in ["ab", "WELCOME-10", "ÉTÉ2026", &"A".repeat(21)] {
            assert!(promo_code("c", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_broken_promo_code_names_every_field() {
        let noon = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let code = AddPromoCode {
            code: "x".into(),
            value: Decimal::new(101, 0),
            valid_from: Some(noon),
            valid_until: Some(noon - chrono::Duration::days(1)),
            max_uses: Some(0),
            min_subtotal: Some(Decimal::new(-5, 0)),
            ..welcome()
        };
        let fields = failing_fields(code.validate());
        let expected = ["code", "value", "valid_until", "max_uses", "min_subtotal"];
        assert_eq!(fields, expected);
        let ancient = AddPromoCode {
            valid_until: DateTime::from_timestamp(-62_000_000_000, 0),
            ..welcome()
        };
        assert_eq!(failing_fields(ancient.validate()), ["valid_until"]);
        let amount = AddPromoCode {
            kind: DiscountKind::Amount,
            value: Decimal::new(5001, 3),
            ..welcome()
        };
        assert_eq!(failing_fields(amount.validate()), ["value"]);
    }
}
