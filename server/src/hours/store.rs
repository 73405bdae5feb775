//! The hours write model: the one-row `shop_hours` table, read by any connection and
//! written through a command's transaction, which appends `ShopHoursChanged` with it.
//! `version` is the version of the stream `hours-shop`: an update matches the version it
//! read, so of two concurrent updates the second answers 409.

use crate::db::{DbError, Tx, corrupt};
use app::contracts::OpeningHours;
use mediator::Problem;
use sqlx::AnyConnection;

/// The hours as a manager last set them (`None`: never) with the stream's version.
pub(crate) struct StoredHours {
    pub hours: Option<OpeningHours>,
    pub version: i64,
}

/// The stored hours (the migration writes the row).
pub(crate) async fn load_hours(conn: &mut AnyConnection) -> Result<StoredHours, DbError> {
    let (hours, version): (Option<String>, i64) =
        sqlx::query_as("SELECT hours, version FROM shop_hours WHERE id = 1")
            .fetch_one(conn)
            .await?;
    let hours = hours
        .map(|json| serde_json::from_str(&json).map_err(|_| corrupt("shop_hours.hours", &json)))
        .transpose()?;
    Ok(StoredHours { hours, version })
}

/// Stores `hours` if the row is still at `version`; 409 when another update came first.
pub(crate) async fn save_hours(
    tx: &mut Tx,
    hours: &OpeningHours,
    version: i64,
) -> Result<(), Problem> {
    let json = serde_json::to_string(hours).map_err(Problem::internal)?;
    let updated =
        sqlx::query("UPDATE shop_hours SET hours = $1, version = $2 WHERE id = 1 AND version = $3")
            .bind(json)
            .bind(version + 1)
            .bind(version)
            .execute(&mut **tx)
            .await
            .map_err(DbError::from)?;
    if updated.rows_affected() == 1 {
        Ok(())
    } else {
        Err(Problem::conflict(
            "The opening hours were changed by someone else at the same time; reload them and try again.",
        ))
    }
}
