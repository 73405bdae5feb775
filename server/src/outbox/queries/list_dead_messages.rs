//! `ListDeadMessages`: what the outbox gave up sending, newest first, with why, for a
//! manager to look into and send again (`RetryMessage`).

use crate::db::{DbError, corrupt, timestamp};
use crate::outbox::messages::{Addressed, CLOUD_EVENT, SINK};
use crate::outbox::store::{DeadRow, dead};
use app::contracts::{DeadMessage, ListDeadMessages, MAX_DEAD_LISTED};
use mediator::{Context, Done, Outcome, RequestHandler};
use serde::Deserialize;
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

/// What a dead published event is listed by.
#[derive(Deserialize)]
struct Published {
    #[serde(rename = "type")]
    event_type: String,
    subject: String,
}

fn dead_message(
    (id, kind, subject, body, attempts, last_error, created_at): DeadRow,
) -> Result<DeadMessage, DbError> {
    let (order_id, to, text) = if kind == CLOUD_EVENT {
        let event: Published =
            serde_json::from_str(&body).map_err(|_| corrupt("outbox.body", &id))?;
        let text = format!("{} {}", event.event_type, event.subject);
        (subject.parse().ok(), SINK.to_owned(), text)
    } else {
        let body: Addressed =
            serde_json::from_str(&body).map_err(|_| corrupt("outbox.body", &id))?;
        let order_id = subject
            .parse()
            .map_err(|_| corrupt("outbox.order_id", &subject))?;
        (Some(order_id), body.to, body.text)
    };
    Ok(DeadMessage {
        order_id,
        kind,
        to,
        text,
        attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
        last_error,
        created_at: timestamp("outbox.created_at", &created_at)?,
        id,
    })
}
