//! Sessions of signed-in staff. A session token is 32 random bytes, sent to the browser
//! in the cookie; the database keeps only its SHA-256, so a leaked table opens no session.

use crate::db::{DbError, Writer};
use crate::staff::passwords::random_bytes;
use app::contracts::{StaffRole, StaffUser};
use chrono::Utc;
use sha2::{Digest, Sha256};
use sqlx::AnyPool;
use std::time::Duration;

/// The secret in a session cookie: 64 hex digits.
pub(crate) struct SessionToken(pub String);

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn unix_now() -> i64 {
    Utc::now().timestamp()
}

/// Opens a session for `username` lasting `ttl`, and drops sessions that expired. A
/// failed statement leaves nothing: the dropped write slot rolls back.
pub(crate) async fn open(
    writer: &Writer,
    username: &str,
    ttl: Duration,
) -> anyhow::Result<SessionToken> {
    let token = hex::encode(random_bytes::<32>()?);
    let now = unix_now();
    let expires_at = now.saturating_add(i64::try_from(ttl.as_secs()).unwrap_or(i64::MAX));
    let mut tx = writer.begin().await?;
    sqlx::query("DELETE FROM staff_sessions WHERE expires_at <= $1")
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(DbError::from)?;
    sqlx::query(
        "INSERT INTO staff_sessions (token_hash, username, expires_at) VALUES ($1, $2, $3)",
    )
    .bind(token_hash(&token))
    .bind(username)
    .bind(expires_at)
    .execute(&mut *tx)
    .await
    .map_err(DbError::from)?;
    tx.commit().await?;
    Ok(SessionToken(token))
}

/// The staff member whose unexpired session `token` opens, if any.
pub(crate) async fn resolve(pool: &AnyPool, token: &str) -> Result<Option<StaffUser>, DbError> {
    let row: Option<(String, String)> = sqlx::query_as(
        "SELECT a.username, a.role FROM staff_sessions s \
         JOIN staff_accounts a ON a.username = s.username \
         WHERE s.token_hash = $1 AND s.expires_at > $2",
    )
    .bind(token_hash(token))
    .bind(unix_now())
    .fetch_optional(pool)
    .await?;
    row.map(|(username, role)| {
        let role = StaffRole::parse(&role).ok_or(DbError::Corrupt {
            column: "staff_accounts.role",
            value: role,
        })?;
        Ok(StaffUser { username, role })
    })
    .transpose()
}

/// Ends the session `token` opens; an unknown token is already ended.
pub(crate) async fn close(writer: &Writer, token: &str) -> Result<(), DbError> {
    let mut tx = writer.begin().await?;
    sqlx::query("DELETE FROM staff_sessions WHERE token_hash = $1")
        .bind(token_hash(token))
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}
