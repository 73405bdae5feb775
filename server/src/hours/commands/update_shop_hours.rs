//! `UpdateShopHours`: replaces the opening hours, time zone included, and records
//! `ShopHoursChanged` in the command's transaction. Placements after the commit are
//! held to the new hours (the event clears the `ShopClock`).

use crate::db::transaction;
use crate::events::{now, record};
use crate::hours::events::{HoursEvent, ShopHoursChanged};
use crate::hours::schedule::{Schedule, ScheduleError};
use crate::hours::shop_hours;
use crate::hours::store::{load_hours, save_hours};
use app::contracts::{OpeningHours, ShopHours, UpdateShopHours};
use mediator::{Context, Done, FieldError, Outcome, Problem, RequestHandler};

/// Handles [`UpdateShopHours`]; answers 200 with the hours as stored, 422 for a zone
/// the time zone database does not know, 409 when another update committed first.
pub(crate) struct UpdateShopHoursHandler;

impl RequestHandler<UpdateShopHours> for UpdateShopHoursHandler {
    #[tracing::instrument(name = "UpdateShopHours", skip_all)]
    async fn handle(&self, command: UpdateShopHours, ctx: &mut Context) -> Outcome<ShopHours> {
        let hours = as_stored(command.hours);
        let schedule = Schedule::new(hours.clone()).map_err(|error| match error {
            ScheduleError::UnknownZone(_) => Problem::validation(vec![FieldError::new(
                "timezone",
                "Give an IANA time zone name, such as Europe/Rome or America/New_York.",
            )]),
            ScheduleError::BadOpening => Problem::validation(Vec::new()),
        })?;
        let tx = transaction(ctx)?;
        let version = load_hours(tx).await?.version;
        save_hours(tx, &hours, version).await?;
        let event = HoursEvent::ShopHoursChanged(ShopHoursChanged { hours, at: now() });
        record(ctx, version, event).await?;
        Ok(Done::ok(shop_hours(&schedule, now())))
    }
}

/// The zone's name without spaces around it, the closure days in order.
fn as_stored(mut hours: OpeningHours) -> OpeningHours {
    hours.timezone = hours.timezone.trim().to_owned();
    hours.closures.sort_unstable();
    hours
}
