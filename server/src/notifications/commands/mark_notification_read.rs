//! `MarkNotificationRead`: the signed-in customer read one of their notifications;
//! records `NotificationRead` unless it was read (or dismissed) already.

use crate::notifications::commands::change::{Change, change};
use app::contracts::{MarkNotificationRead, NotificationChanged};
use mediator::{Context, Outcome, RequestHandler};

/// Handles [`MarkNotificationRead`]; answers 200, or 404 for an id not the caller's.
pub(crate) struct MarkNotificationReadHandler;

impl RequestHandler<MarkNotificationRead> for MarkNotificationReadHandler {
    #[tracing::instrument(name = "MarkNotificationRead", skip_all, fields(id = command.id))]
    async fn handle(
        &self,
        command: MarkNotificationRead,
        ctx: &mut Context,
    ) -> Outcome<NotificationChanged> {
        change(ctx, command.id, Change::Read).await
    }
}
