//! `ListDeadMessages`: what the outbox gave up sending, newest first, with why, for a
//! manager to look into and send again (`RetryMessage`).

use crate::db::{DbError, corrupt, timestamp};
use crate::outbox::messages::Addressed;
use crate::outbox::store::{DeadRow, dead};
use app::contracts::{DeadMessage, ListDeadMessages, MAX_DEAD_LISTED};
use mediator::{Context, Done, Outcome, RequestHandler};
use sqlx::AnyPool;

/// Answers [`ListDeadMessages`].
pub(crate) struct ListDeadMessagesHandler {
    pub pool: AnyPool,
}

impl RequestHandler<ListDeadMessages> for ListDeadMessagesHandler {
    #[tracing::instrument(name = "ListDeadMessages", skip_all)]
    async fn handle(
        &self,
        _query: ListDeadMessages,
        _ctx: &mut Context,
    ) -> Outcome<Vec<DeadMessage>> {
        let limit = i64::try_from(MAX_DEAD_LISTED).unwrap_or(i64::MAX);
        let rows = dead(&self.pool, limit).await?;
        let messages = rows
            .into_iter()
            .map(dead_message)
            .collect::<Result<Vec<_>, DbError>>()?;
        Ok(Done::ok(messages))
    }
}

fn dead_message(
    (id, kind, order_id, body, attempts, last_error, created_at): DeadRow,
) -> Result<DeadMessage, DbError> {
    let body: Addressed = serde_json::from_str(&body).map_err(|_| corrupt("outbox.body", &id))?;
    Ok(DeadMessage {
        order_id: order_id
            .parse()
            .map_err(|_| corrupt("outbox.order_id", &order_id))?,
        kind,
        to: body.to,
        text: body.text,
        attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
        last_error,
        created_at: timestamp("outbox.created_at", &created_at)?,
        id,
    })
}
