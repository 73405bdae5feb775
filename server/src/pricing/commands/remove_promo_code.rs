//! `RemovePromoCode`: deletes a promo code and records `PromoCodeRemoved`, in the
//! command's transaction. Orders that used it keep their discount (their breakdown
//! names the code).

use crate::db::transaction;
use crate::events::{now, record, stream_version};
use crate::pricing::events::{PricingEvent, PromoCodeRemoved, promo_stream};
use crate::pricing::store::delete_promo;
use app::contracts::{RemovePromoCode, promo_code};
use mediator::{Context, Done, Outcome, Problem, RequestHandler};

/// Handles [`RemovePromoCode`]; answers 200, or 404 for a code that does not exist.
pub(crate) struct RemovePromoCodeHandler;

impl RequestHandler<RemovePromoCode> for RemovePromoCodeHandler {
    #[tracing::instrument(name = "RemovePromoCode", skip_all)]
    async fn handle(&self, command: RemovePromoCode, ctx: &mut Context) -> Outcome<()> {
        let code =
            promo_code("code", &command.code).map_err(|error| Problem::validation(vec![error]))?;
        let tx = transaction(ctx)?;
        if !delete_promo(tx, &code).await? {
            return Err(Problem::not_found(format!(
                "There is no promo code {code}."
            )));
        }
        let version = stream_version(tx, &promo_stream(&code)).await?;
        let event = PricingEvent::PromoCodeRemoved(PromoCodeRemoved { code, at: now() });
        record(ctx, version, event).await?;
        Ok(Done::ok(()))
    }
}
