//! `UpdateShopPricing`: replaces the shop's delivery fee, free-delivery threshold and tax
//! and records `ShopPricingChanged`, in the command's transaction. Orders placed after
//! the commit pay the new pricing; placed orders keep their breakdown.

use crate::db::transaction;
use crate::events::{now, record};
use crate::pricing::domain::cents;
use crate::pricing::events::{PricingEvent, ShopPricingChanged};
use crate::pricing::store::{load_pricing, save_pricing};
use app::contracts::{ShopPricing, UpdateShopPricing};
use mediator::{Context, Done, Outcome, RequestHandler};

/// Handles [`UpdateShopPricing`]; answers 200 with the pricing as stored, or 409 when
/// another update committed first.
pub(crate) struct UpdateShopPricingHandler;

impl RequestHandler<UpdateShopPricing> for UpdateShopPricingHandler {
    #[tracing::instrument(name = "UpdateShopPricing", skip_all)]
    async fn handle(&self, command: UpdateShopPricing, ctx: &mut Context) -> Outcome<ShopPricing> {
        let tx = transaction(ctx)?;
        let version = load_pricing(tx).await?.version;
        let pricing = as_stored(command.pricing);
        save_pricing(tx, &pricing, version).await?;
        let event = PricingEvent::ShopPricingChanged(ShopPricingChanged {
            pricing: pricing.clone(),
            at: now(),
        });
        record(ctx, version, event).await?;
        Ok(Done::ok(pricing))
    }
}

/// Amounts with two decimals and the rate without trailing zeros (`0.1`, not `0.1000`),
/// as they are shown.
fn as_stored(mut pricing: ShopPricing) -> ShopPricing {
    pricing.delivery_fee = cents(pricing.delivery_fee);
    pricing.free_delivery_from = pricing.free_delivery_from.map(cents);
    pricing.tax_rate = pricing.tax_rate.normalize();
    pricing
}
