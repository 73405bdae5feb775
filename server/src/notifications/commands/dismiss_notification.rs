//! `DismissNotification`: the signed-in customer takes one of their notifications out of
//! their inbox; records `NotificationDismissed` unless it was dismissed already.

use crate::notifications::commands::change::{Change, change};
use app::contracts::{DismissNotification, NotificationChanged};
use mediator::{Context, Outcome, RequestHandler};

/// Handles [`DismissNotification`]; answers 200, or 404 for an id not the caller's.
pub(crate) struct DismissNotificationHandler;

impl RequestHandler<DismissNotification> for DismissNotificationHandler {
    #[tracing::instrument(name = "DismissNotification", skip_all, fields(id = command.id))]
    async fn handle(
        &self,
        command: DismissNotification,
        ctx: &mut Context,
    ) -> Outcome<NotificationChanged> {
        change(ctx, command.id, Change::Dismiss).await
    }
}
