//! Reading back what a stream missed: stored events between two positions, of every
//! stream or of one order's, in position order.

use crate::db::DbError;
use crate::events::{EventRow, StoredEvent};
use sqlx::AnyPool;

/// Up to `limit` events after `after` and at most `up_to`, in position order; only those
/// of `stream` when given (found through the `(stream_id, stream_version)` key).
pub(super) async fn stored_between(
    pool: &AnyPool,
    stream: Option<&str>,
    after: i64,
    up_to: i64,
    limit: i64,
) -> Result<Vec<StoredEvent>, DbError> {
    let rows: Vec<EventRow> = match stream {
        Some(stream) => {
            sqlx::query_as(
                "SELECT position, stream_id, stream_version, event_type, schema_version, \
                 payload, recorded_at FROM events \
                 WHERE stream_id = $1 AND position > $2 AND position <= $3 \
                 ORDER BY position LIMIT $4",
            )
            .bind(stream)
            .bind(after)
            .bind(up_to)
            .bind(limit)
            .fetch_all(pool)
            .await?
        }
        None => {
            sqlx::query_as(
                "SELECT position, stream_id, stream_version, event_type, schema_version, \
                 payload, recorded_at FROM events \
                 WHERE position > $1 AND position <= $2 ORDER BY position LIMIT $3",
            )
            .bind(after)
            .bind(up_to)
            .bind(limit)
            .fetch_all(pool)
            .await?
        }
    };
    rows.into_iter().map(StoredEvent::try_from).collect()
}

/// Whether `stream` holds any event.
pub(super) async fn stream_exists(pool: &AnyPool, stream: &str) -> Result<bool, DbError> {
    let (version,): (Option<i64>,) =
        sqlx::query_as("SELECT MAX(stream_version) FROM events WHERE stream_id = $1")
            .bind(stream)
            .fetch_one(pool)
            .await?;
    Ok(version.is_some())
}
