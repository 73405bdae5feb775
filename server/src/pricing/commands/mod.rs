//! The pricing commands, one handler per file.

mod add_promo_code;
mod remove_promo_code;
#[cfg(test)]
mod tests;
mod update_shop_pricing;

pub(crate) use add_promo_code::AddPromoCodeHandler;
pub(crate) use remove_promo_code::RemovePromoCodeHandler;
pub(crate) use update_shop_pricing::UpdateShopPricingHandler;
