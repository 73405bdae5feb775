//! The `idempotency_keys` table. A command looks its key up before it starts (under the
//! key's [`KeyTurns`](super::KeyTurns) turn, so of two requests racing with the same key
//! the second finds the first's answer) and stores its answer in its own transaction.

use crate::db::{DbError, Tx, Writer, timestamp_text};
use app::contracts::{IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_HOURS, IdempotencyKey};
use chrono::{Duration, Utc};
use mediator::{FieldError, Problem};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;

/// A key and the request it was first sent with.
pub(crate) struct Remembered<'a> {
    /// The request type, e.g. `PlaceOrder`.
    pub scope: &'static str,
    pub key: &'a IdempotencyKey,
    /// SHA-256 of the request as JSON.
    pub request_hash: String,
}

impl<'a> Remembered<'a> {
    /// `key` sent with `request` of type `scope`.
    pub fn new<R: Serialize>(
        scope: &'static str,
        key: &'a IdempotencyKey,
        request: &R,
    ) -> Result<Self, Problem> {
        let json = serde_json::to_vec(request).map_err(Problem::internal)?;
        Ok(Self {
            scope,
            key,
            request_hash: hex::encode(Sha256::digest(json)),
        })
    }
}

/// The answer stored for this key within the last 24 hours, if any. The same key with
/// a different request is a 422 naming the header.
pub(crate) async fn recall<T: DeserializeOwned>(
    conn: &mut AnyConnection,
    sent: &Remembered<'_>,
) -> Result<Option<T>, Problem> {
    let row: Option<(String, String)> = sqlx::query_as(
        "SELECT request_hash, response FROM idempotency_keys \
         WHERE scope = $1 AND idempotency_key = $2 AND created_at > $3",
    )
    .bind(sent.scope)
    .bind(sent.key.as_str())
    .bind(cutoff())
    .fetch_optional(conn)
    .await
    .map_err(DbError::from)?;
    let Some((request_hash, response)) = row else {
        return Ok(None);
    };
    if request_hash != sent.request_hash {
        return Err(Problem::validation(vec![FieldError::new(
            IDEMPOTENCY_KEY_HEADER,
            "This key was already used with a different request; use a new key for a new request.",
        )]));
    }
    let answer = serde_json::from_str(&response).map_err(|_| DbError::Corrupt {
        column: "idempotency_keys.response",
        value: format!("{} {}", sent.scope, sent.key.as_str()),
    })?;
    Ok(Some(answer))
}

/// Whether an answer is stored for `key` in `scope` within the last 24 hours, whatever
/// request it answered (`recall` compares those).
pub(crate) async fn is_remembered(
    conn: &mut AnyConnection,
    scope: &str,
    key: &IdempotencyKey,
) -> Result<bool, DbError> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT 1 FROM idempotency_keys \
         WHERE scope = $1 AND idempotency_key = $2 AND created_at > $3",
    )
    .bind(scope)
    .bind(key.as_str())
    .bind(cutoff())
    .fetch_optional(conn)
    .await?;
    Ok(row.is_some())
}

/// Stores `answer` for the key, replacing an expired entry. A live entry stored by
/// someone else meanwhile (another server process) is a 409: the client retries.
pub(crate) async fn remember<T: Serialize>(
    tx: &mut Tx,
    sent: &Remembered<'_>,
    answer: &T,
) -> Result<(), Problem> {
    let response = serde_json::to_string(answer).map_err(Problem::internal)?;
    let stored = sqlx::query(
        "INSERT INTO idempotency_keys (scope, idempotency_key, request_hash, response, created_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (scope, idempotency_key) DO UPDATE SET \
         request_hash = excluded.request_hash, response = excluded.response, \
         created_at = excluded.created_at WHERE idempotency_keys.created_at <= $6",
    )
    .bind(sent.scope)
    .bind(sent.key.as_str())
    .bind(&sent.request_hash)
    .bind(response)
    .bind(timestamp_text(Utc::now()))
    .bind(cutoff())
    .execute(&mut **tx)
    .await
    .map_err(DbError::from)?;
    if stored.rows_affected() == 0 {
        return Err(Problem::conflict(
            "A request with this idempotency key is being handled; try again in a moment.",
        ));
    }
    Ok(())
}

/// Deletes the entries older than 24 hours, through the writer like any write.
pub(crate) async fn purge_expired(writer: &Writer) -> Result<u64, DbError> {
    let mut tx = writer.begin().await?;
    let purged = sqlx::query("DELETE FROM idempotency_keys WHERE created_at <= $1")
        .bind(cutoff())
        .execute(&mut *tx)
        .await;
    match purged {
        Ok(done) => {
            tx.commit().await?;
            Ok(done.rows_affected())
        }
        Err(error) => {
            tx.rollback().await?;
            Err(error.into())
        }
    }
}

/// Entries stored at or before this time have expired.
fn cutoff() -> String {
    timestamp_text(Utc::now() - Duration::hours(IDEMPOTENCY_KEY_HOURS))
}
