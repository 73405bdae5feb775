//! Domain events of the pricing slice: [`PricingEvent`]. The shop's pricing is one stream
//! (`pricing-shop`); each promo code is a stream of its own (`pricing-promo-<CODE>`), so
//! a code removed and added again continues its history.

use crate::events::DomainEvent;
use app::contracts::{PromoCode, ShopPricing};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The stream of the shop's pricing.
pub(crate) const SHOP_PRICING_STREAM: &str = "pricing-shop";

/// The stream of one promo code.
pub(crate) fn promo_stream(code: &str) -> String {
    format!("{}promo-{code}", PricingEvent::STREAM_PREFIX)
}

/// A manager set the shop's pricing; `pricing` is the whole new state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ShopPricingChanged {
    pub pricing: ShopPricing,
    pub at: DateTime<Utc>,
}

/// A manager created a promo code (with no uses yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PromoCodeAdded {
    pub promo: PromoCode,
    pub at: DateTime<Utc>,
}

/// A manager deleted a promo code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PromoCodeRemoved {
    pub code: String,
    pub at: DateTime<Utc>,
}

/// Everything that can happen to the shop's charges; stored with the variant's name as
/// `event_type` (see [`DomainEvent`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event_type", content = "payload")]
pub(crate) enum PricingEvent {
    ShopPricingChanged(ShopPricingChanged),
    PromoCodeAdded(PromoCodeAdded),
    PromoCodeRemoved(PromoCodeRemoved),
}

impl mediator::Event for PricingEvent {}

impl DomainEvent for PricingEvent {
    const STREAM_PREFIX: &'static str = "pricing-";

    fn stream_id(&self) -> String {
        match self {
            Self::ShopPricingChanged(_) => SHOP_PRICING_STREAM.to_owned(),
            Self::PromoCodeAdded(e) => promo_stream(&e.promo.code),
            Self::PromoCodeRemoved(e) => promo_stream(&e.code),
        }
    }

    fn occurred_at(&self) -> DateTime<Utc> {
        match self {
            Self::ShopPricingChanged(e) => e.at,
            Self::PromoCodeAdded(e) => e.at,
            Self::PromoCodeRemoved(e) => e.at,
        }
    }
}
