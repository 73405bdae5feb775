//! What reading and dismissing a notification share: find the caller's notification,
//! and record the change unless it was already made. Both commands are handled here, by
//! [`ChangeHandler`]; their files say which change.
//!
//! The inbox has no write model of its own: which notifications exist is known only
//! from the order events, through `notification_inbox_view`, so the command looks the
//! notification up there, in its transaction. A client learns an id only from that view,
//! so the id it sends is never ahead of it; a read or dismissal still on its way to the
//! view at most records the same change twice, which the view applies once.

use crate::db::{DbError, transaction};
use crate::events::{now, record, stream_version};
use crate::notifications::InboxEvent;
use crate::notifications::events::{NotificationDismissed, NotificationRead, inbox_stream};
use app::contracts::{Caller, NotificationChanged};
use mediator::{Context, Done, Outcome, Problem, Request, RequestHandler};

/// A command that changes one of the caller's notifications.
pub(crate) trait NotificationChange: Request<Response = NotificationChanged> {
    /// What the command does.
    const CHANGE: Change;
    /// The notification it does it to.
    fn id(&self) -> i64;
}

/// Handles every [`NotificationChange`]; answers 200, or 404 for an id not the caller's.
pub(crate) struct ChangeHandler;

impl<C: NotificationChange> RequestHandler<C> for ChangeHandler {
    async fn handle(&self, command: C, ctx: &mut Context) -> Outcome<NotificationChanged> {
        change(ctx, command.id(), C::CHANGE).await
    }
}

/// What a command does to a notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Change {
    Read,
    Dismiss,
}

/// Makes `change` to the caller's notification `id`: 404 when they have none by that id,
/// 200 with the notification as it now is otherwise.
#[tracing::instrument(skip(ctx))]
async fn change(ctx: &mut Context, id: i64, change: Change) -> Outcome<NotificationChanged> {
    let Some(customer) = ctx.get::<Caller>().and_then(Caller::customer) else {
        return Err(Problem::unauthorized("Sign in to see your notifications."));
    };
    let username = customer.username.clone();
    let tx = transaction(ctx)?;
    let found: Option<(i64, i64)> = sqlx::query_as(
        "SELECT read, dismissed FROM notification_inbox_view WHERE id = $1 AND username = $2",
    )
    .bind(id)
    .bind(&username)
    .fetch_optional(&mut **tx)
    .await
    .map_err(DbError::from)?;
    let Some((read, dismissed)) = found else {
        return Err(Problem::not_found("You have no notification with this id."));
    };
    let (read, dismissed) = (read != 0, dismissed != 0);
    let done = match change {
        Change::Read => read || dismissed,
        Change::Dismiss => dismissed,
    };
    if done {
        // The view shows the change already, so it includes the event at `id`.
        return Ok(Done::ok(NotificationChanged {
            id,
            read,
            dismissed,
            position: id,
        }));
    }
    let version = stream_version(tx, &inbox_stream(&username)).await?;
    let (at, notification_id) = (now(), id);
    let event = match change {
        Change::Read => InboxEvent::NotificationRead(NotificationRead {
            username,
            notification_id,
            at,
        }),
        Change::Dismiss => InboxEvent::NotificationDismissed(NotificationDismissed {
            username,
            notification_id,
            at,
        }),
    };
    let appended = record(ctx, version, event).await?;
    Ok(Done::ok(NotificationChanged {
        id,
        read: true,
        dismissed: dismissed || change == Change::Dismiss,
        position: appended.position,
    }))
}
