//! Known devices (`known_devices`): a browser that signed in to an account is given a
//! device token in a long-lived cookie. Its later sign-ins to that account check the
//! password in a lane of their own (`hashers::Lane::KnownDevice`), so a botnet filling
//! the shared queue with guesses cannot keep the account's owner out. The database keeps
//! only the token's SHA-256; each account keeps its newest few devices.

use crate::db::{DbError, Writer};
use crate::staff::passwords::random_bytes;
use crate::staff::sessions::{store_token, token_hash};
use chrono::Utc;
use sqlx::AnyPool;
use std::time::Duration;

/// How long a device stays known after its last sign-in.
pub(crate) const DEVICE_TTL: Duration = Duration::from_secs(90 * 24 * 3600);
/// The most devices one account keeps; signing in on another forgets the oldest.
const DEVICES_PER_ACCOUNT: i64 = 10;

/// The secret in a device cookie: 64 hex digits.
pub(crate) struct DeviceToken(pub String);

/// Whether `token` is a device that signed in to `username` and has not expired.
pub(crate) async fn is_known(pool: &AnyPool, token: &str, username: &str) -> Result<bool, DbError> {
    let found: Option<(i64,)> = sqlx::query_as(
        "SELECT expires_at FROM known_devices \
         WHERE token_hash = $1 AND username = $2 AND expires_at > $3",
    )
    .bind(token_hash(token))
    .bind(username)
    .bind(Utc::now().timestamp())
    .fetch_optional(pool)
    .await?;
    Ok(found.is_some())
}

/// Remembers a new device of `username`, forgetting expired devices and all but the
/// account's newest [`DEVICES_PER_ACCOUNT`].
pub(crate) async fn remember(writer: &Writer, username: &str) -> anyhow::Result<DeviceToken> {
    let token = hex::encode(random_bytes::<32>()?);
    let now = Utc::now().timestamp();
    let expires_at = now.saturating_add(DEVICE_TTL.as_secs().try_into().unwrap_or(i64::MAX));
    let mut tx = writer.begin().await?;
    store_token(&mut tx, "known_devices", &token, username, expires_at, now).await?;
    sqlx::query(
        "DELETE FROM known_devices WHERE username = $1 AND token_hash NOT IN \
         (SELECT token_hash FROM known_devices WHERE username = $1 \
          ORDER BY expires_at DESC, token_hash LIMIT $2)",
    )
    .bind(username)
    .bind(DEVICES_PER_ACCOUNT)
    .execute(&mut *tx)
    .await
    .map_err(DbError::from)?;
    tx.commit().await?;
    Ok(DeviceToken(token))
}
