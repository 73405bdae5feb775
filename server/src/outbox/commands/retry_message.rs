//! `RetryMessage`: a manager sends a dead message again, from its first try; the
//! dispatcher takes it within a few seconds. 404 for an id the outbox does not hold,
//! 409 for a message that is not dead (waiting, or sent).

use crate::db::transaction;
use crate::outbox::store::{Revived, revive};
use app::contracts::{MessageRetried, RetryMessage};
use mediator::{Context, Done, Outcome, Problem, RequestHandler};

/// Handles [`RetryMessage`].
pub(crate) struct RetryMessageHandler;

impl RequestHandler<RetryMessage> for RetryMessageHandler {
    #[tracing::instrument(name = "RetryMessage", skip_all)]
    async fn handle(&self, command: RetryMessage, ctx: &mut Context) -> Outcome<MessageRetried> {
        match revive(transaction(ctx)?, &command.id).await? {
            Revived::Yes => Ok(Done::ok(MessageRetried { id: command.id })),
            Revived::NotDead => Err(Problem::conflict(
                "This message is not dead: it is waiting to be sent, or was sent.",
            )),
            Revived::Unknown => Err(Problem::not_found("There is no such message.")),
        }
    }
}
