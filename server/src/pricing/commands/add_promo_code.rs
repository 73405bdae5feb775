//! `AddPromoCode`: creates a promo code, in capitals, and records `PromoCodeAdded`, in
//! the command's transaction. A code removed earlier can be created again; its stream
//! goes on.

use crate::db::transaction;
use crate::events::{now, record, stream_version};
use crate::pricing::events::{PricingEvent, PromoCodeAdded, promo_stream};
use crate::pricing::store::insert_promo;
use app::contracts::{AddPromoCode, PromoCode, promo_code};
use mediator::{Context, Done, Outcome, Problem, RequestHandler};

/// Handles [`AddPromoCode`]; answers 201 with the code, or 409 when it exists.
pub(crate) struct AddPromoCodeHandler;

impl RequestHandler<AddPromoCode> for AddPromoCodeHandler {
    #[tracing::instrument(name = "AddPromoCode", skip_all)]
    async fn handle(&self, command: AddPromoCode, ctx: &mut Context) -> Outcome<PromoCode> {
        // `validate` accepted the code, so it has a form in capitals.
        let code =
            promo_code("code", &command.code).map_err(|error| Problem::validation(vec![error]))?;
        let promo = PromoCode {
            code,
            kind: command.kind,
            value: command.value.normalize(),
            valid_from: command.valid_from,
            valid_until: command.valid_until,
            max_uses: command.max_uses,
            min_subtotal: command.min_subtotal,
            uses: 0,
        };
        let tx = transaction(ctx)?;
        if !insert_promo(tx, &promo).await? {
            let message = format!("The promo code {} exists already.", promo.code);
            return Err(Problem::conflict(message));
        }
        let version = stream_version(tx, &promo_stream(&promo.code)).await?;
        let event = PricingEvent::PromoCodeAdded(PromoCodeAdded {
            promo: promo.clone(),
            at: now(),
        });
        record(ctx, version, event).await?;
        Ok(Done::created(promo))
    }
}
