//! Sessions of signed-in staff (`staff_sessions`) and customers (`customer_sessions`).
//! A session token is 32 random bytes, sent to the browser in the cookie; the database
//! keeps only its SHA-256, so a leaked table opens no session.

use crate::db::{DbError, Tx, Writer};
use crate::staff::passwords::random_bytes;
use app::contracts::{AccountRole, Caller, CustomerUser, StaffRole, StaffUser};
use chrono::Utc;
use sha2::{Digest, Sha256};
use sqlx::AnyPool;
use std::time::Duration;

/// The secret in a session cookie: 64 hex digits.
pub(crate) struct SessionToken(pub String);

pub(crate) fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn unix_now() -> i64 {
    Utc::now().timestamp()
}

/// The table of `role`'s sessions.
fn table(role: AccountRole) -> &'static str {
    match role {
        AccountRole::Customer => "customer_sessions",
        AccountRole::Chef | AccountRole::Driver | AccountRole::Manager => "staff_sessions",
    }
}

/// Opens a session for the account `username` with `role`, lasting `ttl`, and drops
/// sessions that expired. A failed statement leaves nothing: the dropped write slot
/// rolls back.
pub(crate) async fn open(
    writer: &Writer,
    username: &str,
    role: AccountRole,
    ttl: Duration,
) -> anyhow::Result<SessionToken> {
    let token = hex::encode(random_bytes::<32>()?);
    let now = unix_now();
    let expires_at = now.saturating_add(i64::try_from(ttl.as_secs()).unwrap_or(i64::MAX));
    let mut tx = writer.begin().await?;
    store_token(&mut tx, table(role), &token, username, expires_at, now).await?;
    tx.commit().await?;
    Ok(SessionToken(token))
}

/// Stores `token`'s hash in `table` (`token_hash`, `username`, `expires_at`) for
/// `username` until `expires_at`, first dropping the rows that expired by `now`.
pub(crate) async fn store_token(
    tx: &mut Tx,
    table: &str,
    token: &str,
    username: &str,
    expires_at: i64,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(&format!("DELETE FROM {table} WHERE expires_at <= $1"))
        .bind(now)
        .execute(&mut **tx)
        .await?;
    sqlx::query(&format!(
        "INSERT INTO {table} (token_hash, username, expires_at) VALUES ($1, $2, $3)"
    ))
    .bind(token_hash(token))
    .bind(username)
    .bind(expires_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Who the unexpired session `token` opens belongs to: a member of staff, a customer, or
/// nobody (anonymous). One statement asks both session tables, so a signed-in request
/// costs one round trip whoever sends it.
pub(crate) async fn resolve(pool: &AnyPool, token: &str) -> Result<Caller, DbError> {
    let found: Option<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT a.username, a.role, CAST(NULL AS TEXT) FROM staff_sessions s \
         JOIN staff_accounts a ON a.username = s.username AND a.disabled_at IS NULL \
         WHERE s.token_hash = $1 AND s.expires_at > $2 \
         UNION ALL \
         SELECT a.username, 'customer', a.name FROM customer_sessions s \
         JOIN customer_accounts a ON a.username = s.username \
         WHERE s.token_hash = $1 AND s.expires_at > $2",
    )
    .bind(token_hash(token))
    .bind(unix_now())
    .fetch_optional(pool)
    .await?;
    let Some((username, role, name)) = found else {
        return Ok(Caller::Anonymous);
    };
    if role == "customer" {
        let name = name.unwrap_or_else(|| username.clone());
        return Ok(Caller::Customer(CustomerUser { username, name }));
    }
    let role = StaffRole::parse(&role).ok_or(DbError::Corrupt {
        column: "staff_accounts.role",
        value: role,
    })?;
    Ok(Caller::Staff(StaffUser { username, role }))
}

/// Ends the session `token` opens, whoever's it is; an unknown token is already ended.
pub(crate) async fn close(writer: &Writer, token: &str) -> Result<(), DbError> {
    let hash = token_hash(token);
    let mut tx = writer.begin().await?;
    for sql in [
        "DELETE FROM staff_sessions WHERE token_hash = $1",
        "DELETE FROM customer_sessions WHERE token_hash = $1",
    ] {
        sqlx::query(sql).bind(&hash).execute(&mut *tx).await?;
    }
    tx.commit().await
}
