//! The pricing queries, one handler per file.

mod get_shop_pricing;
mod list_promo_codes;

pub(crate) use get_shop_pricing::GetShopPricingHandler;
pub(crate) use list_promo_codes::ListPromoCodesHandler;
