//! `ListMyNotifications`: the signed-in customer's inbox, unread first, newest first
//! within each, without what they dismissed.

use crate::db::{DbError, count, timestamp, uuid};
use crate::notifications::text::notification_text;
use crate::orders::views::stored_status;
use crate::projections::ReadModels;
use app::contracts::{Caller, INBOX_LIMIT, Inbox, ListMyNotifications, Notification};
use mediator::{Context, Done, Outcome, Problem, RequestHandler};

/// Answers [`ListMyNotifications`] for the customer in the context (the policy lets no
/// one else through).
pub(crate) struct ListMyNotificationsHandler {
    pub read: ReadModels,
}

/// A notification as stored.
#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    order_id: String,
    status: String,
    note: Option<String>,
    at: String,
    read: i64,
}

impl RequestHandler<ListMyNotifications> for ListMyNotificationsHandler {
    #[tracing::instrument(name = "ListMyNotifications", skip_all)]
    async fn handle(&self, query: ListMyNotifications, ctx: &mut Context) -> Outcome<Inbox> {
        let Some(customer) = ctx.get::<Caller>().and_then(Caller::customer) else {
            return Err(Problem::unauthorized("Sign in to see your notifications."));
        };
        let mut tx = self.read.snapshot(query.min_position).await?;
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT id, order_id, status, note, at, read FROM notification_inbox_view \
             WHERE username = $1 AND dismissed = 0 ORDER BY read, id DESC LIMIT $2",
        )
        .bind(&customer.username)
        .bind(i64::from(INBOX_LIMIT))
        .fetch_all(&mut *tx)
        .await
        .map_err(DbError::from)?;
        let (unread,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM notification_inbox_view \
             WHERE username = $1 AND dismissed = 0 AND read = 0",
        )
        .bind(&customer.username)
        .fetch_one(&mut *tx)
        .await
        .map_err(DbError::from)?;
        tx.commit().await?;
        let notifications = rows
            .into_iter()
            .map(Notification::try_from)
            .collect::<Result<_, _>>()?;
        Ok(Done::ok(Inbox {
            notifications,
            unread: count("notification_inbox_view.read", unread)?,
        }))
    }
}

impl TryFrom<Row> for Notification {
    type Error = DbError;

    fn try_from(row: Row) -> Result<Self, DbError> {
        let status = stored_status("notification_inbox_view.status", &row.status)?;
        Ok(Notification {
            id: row.id,
            order_id: uuid("notification_inbox_view.order_id", &row.order_id)?,
            status,
            text: notification_text(status, row.note.as_deref()),
            at: timestamp("notification_inbox_view.at", &row.at)?,
            read: row.read != 0,
        })
    }
}
