//! `ListIntegrationEvents`: a page of the event log as CloudEvents, read from the log
//! itself (not a view), so that what a command committed is in the next page at once.
//! Positions become visible in order (see `events::store`), so a consumer that asks
//! for the events after the last one it has never skips one.

use crate::db::DbError;
use crate::events::read_after;
use crate::integration::cloud_event::cloud_event;
use app::contracts::{IntegrationEvents, ListIntegrationEvents};
use mediator::{Context, Done, Outcome, RequestHandler};
use sqlx::AnyPool;

/// Answers [`ListIntegrationEvents`].
pub(crate) struct ListIntegrationEventsHandler {
    pub pool: AnyPool,
}

impl RequestHandler<ListIntegrationEvents> for ListIntegrationEventsHandler {
    #[tracing::instrument(name = "ListIntegrationEvents", skip_all, fields(after = query.after))]
    async fn handle(
        &self,
        query: ListIntegrationEvents,
        _ctx: &mut Context,
    ) -> Outcome<IntegrationEvents> {
        let stored = read_after(&self.pool, query.after, i64::from(query.limit)).await?;
        let next_after = stored.last().map_or(query.after, |event| event.position);
        let events = stored
            .into_iter()
            .map(cloud_event)
            .collect::<Result<Vec<_>, DbError>>()?;
        Ok(Done::ok(IntegrationEvents { events, next_after }))
    }
}
