//! `NotificationInboxView`: each signed-in customer's notifications, one per status
//! change of an order they placed (table `notification_inbox_view`, keyed by the event's
//! position), and what they did with each.
//!
//! - `OrderPlaced` by an account: the order's owner is remembered
//!   (`notification_owners_view`) and its first notification written; guest orders pass.
//! - Any later order event: a notification for the owner, if the order has one. Once an
//!   order is delivered or cancelled nothing more can happen to it, so its owner is
//!   forgotten and the owners table holds open orders only.
//! - `NotificationRead` / `NotificationDismissed`: the notification is marked so.
//!
//! It reads two aggregates' events (orders and inboxes), so it is a [`Projection`]
//! itself rather than a one-aggregate `View`.

use crate::db::{DbError, Tx, timestamp_text};
use crate::events::{DomainEvent, StoredEvent};
use crate::notifications::InboxEvent;
use crate::orders::OrderEvent;
use crate::projections::{BoxFuture, Projection};

/// Keeps the inbox tables up to date.
pub(crate) struct NotificationInboxView;

const NAME: &str = "notification_inbox_view";

impl Projection for NotificationInboxView {
    fn name(&self) -> &'static str {
        NAME
    }

    fn tables(&self) -> &'static [&'static str] {
        &["notification_owners_view", NAME]
    }

    fn apply<'a>(
        &'a self,
        tx: &'a mut Tx,
        event: &'a StoredEvent,
    ) -> BoxFuture<'a, Result<(), DbError>> {
        Box::pin(async move {
            if let Some(order) = event.decode::<OrderEvent>() {
                return on_order(tx, event.position, order?).await;
            }
            match event.decode::<InboxEvent>().transpose()? {
                Some(InboxEvent::NotificationRead(read)) => {
                    mark(tx, "read = 1", read.notification_id, &read.username).await
                }
                Some(InboxEvent::NotificationDismissed(dismissed)) => {
                    let (id, username) = (dismissed.notification_id, &dismissed.username);
                    mark(tx, "read = 1, dismissed = 1", id, username).await
                }
                None => Ok(()),
            }
        })
    }
}

/// Writes the notification `event` (at `position`) makes for its order's owner, if any.
async fn on_order(tx: &mut Tx, position: i64, event: OrderEvent) -> Result<(), DbError> {
    // The customer hears when the order is ready, not of each pizza.
    if matches!(event, OrderEvent::PizzaReady(_)) {
        return Ok(());
    }
    let order_id = event.order_id().to_string();
    let owner = match &event {
        OrderEvent::OrderPlaced(placed) => {
            let Some(username) = placed.customer_username.clone() else {
                return Ok(());
            };
            sqlx::query(
                "INSERT INTO notification_owners_view (order_id, username) VALUES ($1, $2) \
                 ON CONFLICT (order_id) DO NOTHING",
            )
            .bind(&order_id)
            .bind(&username)
            .execute(&mut **tx)
            .await?;
            username
        }
        OrderEvent::CookingStarted(_)
        | OrderEvent::PizzaReady(_)
        | OrderEvent::OrderReady(_)
        | OrderEvent::OrderOutForDelivery(_)
        | OrderEvent::OrderDelivered(_)
        | OrderEvent::OrderCancelled(_) => {
            let owner: Option<(String,)> =
                sqlx::query_as("SELECT username FROM notification_owners_view WHERE order_id = $1")
                    .bind(&order_id)
                    .fetch_optional(&mut **tx)
                    .await?;
            let Some((username,)) = owner else {
                return Ok(());
            };
            username
        }
    };
    sqlx::query(
        "INSERT INTO notification_inbox_view \
         (id, username, order_id, status, note, at, read, dismissed) \
         VALUES ($1, $2, $3, $4, $5, $6, 0, 0) ON CONFLICT (id) DO NOTHING",
    )
    .bind(position)
    .bind(&owner)
    .bind(&order_id)
    .bind(event.status().as_str())
    .bind(event.note())
    .bind(timestamp_text(event.occurred_at()))
    .execute(&mut **tx)
    .await?;
    if matches!(
        event,
        OrderEvent::OrderDelivered(_) | OrderEvent::OrderCancelled(_)
    ) {
        sqlx::query("DELETE FROM notification_owners_view WHERE order_id = $1")
            .bind(&order_id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Sets `columns` on `username`'s notification `id` (none when it is not theirs).
async fn mark(tx: &mut Tx, columns: &str, id: i64, username: &str) -> Result<(), DbError> {
    let sql = format!("UPDATE {NAME} SET {columns} WHERE id = $1 AND username = $2");
    sqlx::query(&sql)
        .bind(id)
        .bind(username)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
