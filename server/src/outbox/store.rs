//! The `outbox` table: messages stored by the projector, then sent and marked by the
//! dispatcher. Every write after the projector's goes through the [`Writer`].

use crate::db::{DbError, Tx, Writer, insert_rows, timestamp_text};
use crate::outbox::messages::{Outgoing, Recipient};
use chrono::{DateTime, Utc};
use sqlx::AnyPool;

/// A message waiting to be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pending {
    pub id: String,
    /// What it is: a [`CLOUD_EVENT`](crate::outbox::messages::CLOUD_EVENT) goes to the
    /// sink, anything else through the notification channels.
    pub kind: String,
    /// The message as JSON, sent as it is.
    pub body: String,
    /// Failed sends so far.
    pub attempts: i64,
}

/// Stores `messages` to send now, each once: a message already stored (an event applied
/// again) is left as it is. One statement for the lot.
pub(crate) async fn enqueue(tx: &mut Tx, messages: &[Outgoing]) -> Result<(), DbError> {
    let now = timestamp_text(Utc::now());
    insert_rows(
        tx,
        "INSERT INTO outbox (id, kind, order_id, recipient, body, created_at, status, \
         attempts, next_attempt_at)",
        9,
        "ON CONFLICT (id) DO NOTHING",
        messages,
        |query, message| {
            query
                .bind(message.id.as_str())
                .bind(message.kind)
                .bind(message.subject.as_str())
                .bind(message.to.as_str())
                .bind(message.body.as_str())
                .bind(now.clone())
                .bind("pending")
                .bind(0_i64)
                .bind(now.clone())
        },
    )
    .await
}

/// Who `order_id`'s customer messages go to, if the order exists.
pub(crate) async fn recipient_of(
    tx: &mut Tx,
    order_id: &str,
) -> Result<Option<Recipient>, DbError> {
    let found: Option<(String, Option<String>)> = sqlx::query_as(
        "SELECT o.customer_phone, a.email FROM orders o \
         LEFT JOIN customer_accounts a ON a.username = o.customer_username WHERE o.id = $1",
    )
    .bind(order_id)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(found.map(|(phone, email)| Recipient { phone, email }))
}

/// The e-mail address of the customer account `username`, if it exists.
pub(crate) async fn email_of(tx: &mut Tx, username: &str) -> Result<Option<String>, DbError> {
    let email: Option<(String,)> =
        sqlx::query_as("SELECT email FROM customer_accounts WHERE username = $1")
            .bind(username)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(email.map(|(email,)| email))
}

/// Up to `limit` pending messages due at `now`, oldest first.
pub(crate) async fn due(
    pool: &AnyPool,
    now: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<Pending>, DbError> {
    let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT id, kind, body, attempts FROM outbox WHERE status = 'pending' \
         AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2",
    )
    .bind(timestamp_text(now))
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, kind, body, attempts)| Pending {
            id,
            kind,
            body,
            attempts,
        })
        .collect())
}

/// When the next pending message is due, if any is.
pub(crate) async fn next_due(pool: &AnyPool) -> Result<Option<String>, DbError> {
    let (next,): (Option<String>,) =
        sqlx::query_as("SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'pending'")
            .fetch_one(pool)
            .await?;
    Ok(next)
}

/// What became of one send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Outcome {
    Sent,
    /// Failed; tried again at `retry_at`, or never (`None`: dead).
    Failed {
        error: String,
        retry_at: Option<DateTime<Utc>>,
    },
}

/// Records what became of sending each message, in one transaction.
pub(crate) async fn settle(
    writer: &Writer,
    settled: &[(Pending, Outcome)],
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    if settled.is_empty() {
        return Ok(());
    }
    // On an error the transaction is dropped, which discards its writes.
    let mut tx = writer.begin().await?;
    write_outcomes(&mut tx, settled, now).await?;
    tx.commit().await
}

async fn write_outcomes(
    tx: &mut Tx,
    settled: &[(Pending, Outcome)],
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let sent: Vec<&str> = settled
        .iter()
        .filter(|(_, outcome)| *outcome == Outcome::Sent)
        .map(|(message, _)| message.id.as_str())
        .collect();
    if !sent.is_empty() {
        let ids: Vec<String> = (2..sent.len() + 2).map(|i| format!("${i}")).collect();
        let sql = format!(
            "UPDATE outbox SET status = 'sent', sent_at = $1 WHERE id IN ({})",
            ids.join(", ")
        );
        let mut query = sqlx::query(&sql).bind(timestamp_text(now));
        for id in sent {
            query = query.bind(id);
        }
        query.execute(&mut **tx).await?;
    }
    for (message, outcome) in settled {
        let Outcome::Failed { error, retry_at } = outcome else {
            continue;
        };
        let (status, next) = match retry_at {
            Some(at) => ("pending", *at),
            None => ("dead", now),
        };
        sqlx::query(
            "UPDATE outbox SET status = $2, attempts = attempts + 1, \
             next_attempt_at = $3, last_error = $4 WHERE id = $1",
        )
        .bind(&message.id)
        .bind(status)
        .bind(timestamp_text(next))
        .bind(error)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Deletes the messages sent before `before`; answers how many.
pub(crate) async fn purge_sent(writer: &Writer, before: DateTime<Utc>) -> Result<u64, DbError> {
    let mut tx = writer.begin().await?;
    let purged = sqlx::query("DELETE FROM outbox WHERE status = 'sent' AND sent_at < $1")
        .bind(timestamp_text(before))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(purged.rows_affected())
}

/// A dead message as stored.
pub(crate) type DeadRow = (String, String, String, String, i64, Option<String>, String);

/// The newest `limit` dead messages: id, kind, order id, body, attempts, last error and
/// when it was stored.
pub(crate) async fn dead(pool: &AnyPool, limit: i64) -> Result<Vec<DeadRow>, DbError> {
    Ok(sqlx::query_as(
        "SELECT id, kind, order_id, body, attempts, last_error, created_at FROM outbox \
         WHERE status = 'dead' ORDER BY created_at DESC, id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(pool)
    .await?)
}

/// What a retry found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Revived {
    Yes,
    NotDead,
    Unknown,
}

/// Makes the dead message `id` due now, from its first try.
pub(crate) async fn revive(tx: &mut Tx, id: &str) -> Result<Revived, DbError> {
    let revived = sqlx::query(
        "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = $2 \
         WHERE id = $1 AND status = 'dead'",
    )
    .bind(id)
    .bind(timestamp_text(Utc::now()))
    .execute(&mut **tx)
    .await?;
    if revived.rows_affected() > 0 {
        return Ok(Revived::Yes);
    }
    let exists: Option<(String,)> = sqlx::query_as("SELECT id FROM outbox WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(if exists.is_some() {
        Revived::NotDead
    } else {
        Revived::Unknown
    })
}
