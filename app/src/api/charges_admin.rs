//! Server functions of the shop's charges (manager): the delivery fee and tax, and the
//! promo codes.

#[cfg(feature = "ssr")]
use super::dispatch;
use crate::contracts::{AddPromoCode, PromoCode, ShopPricing};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

/// The shop's delivery fee and tax (manager).
#[server(name = GetShopPricingCall, prefix = "/api/fn", endpoint = "get_shop_pricing", input = Json)]
pub async fn get_shop_pricing() -> Result<ShopPricing, AppError> {
    dispatch(crate::contracts::GetShopPricing).await
}

/// Sets the shop's delivery fee and tax (manager).
#[server(name = UpdateShopPricingCall, prefix = "/api/fn", endpoint = "update_shop_pricing", input = Json)]
pub async fn update_shop_pricing(pricing: ShopPricing) -> Result<ShopPricing, AppError> {
    dispatch(crate::contracts::UpdateShopPricing { pricing }).await
}

/// Every promo code with its uses (manager).
#[server(name = ListPromoCodesCall, prefix = "/api/fn", endpoint = "list_promo_codes", input = Json)]
pub async fn list_promo_codes(seen: u32) -> Result<Vec<PromoCode>, AppError> {
    // `seen` only makes the resource ask again after a change.
    let _ = seen;
    dispatch(crate::contracts::ListPromoCodes).await
}

/// Creates a promo code (manager).
#[server(name = AddPromoCodeCall, prefix = "/api/fn", endpoint = "add_promo_code", input = Json)]
pub async fn add_promo_code(command: AddPromoCode) -> Result<PromoCode, AppError> {
    dispatch(command).await
}

/// Deletes a promo code (manager).
#[server(name = RemovePromoCodeCall, prefix = "/api/fn", endpoint = "remove_promo_code", input = Json)]
pub async fn remove_promo_code(code: String) -> Result<(), AppError> {
    dispatch(crate::contracts::RemovePromoCode { code }).await
}
