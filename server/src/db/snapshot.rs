//! Consistent reads for queries that take more than one statement (a page and its
//! total, an order and its lines): all of them see the read models as of one moment,
//! never half of a projector batch.

use crate::db::{DbError, Tx};
use sqlx::AnyPool;

/// Opens a read-only transaction whose statements share one snapshot. On PostgreSQL that
/// takes `REPEATABLE READ` (the default isolation gives each statement its own); SQLite's
/// deferred transaction in WAL mode keeps the snapshot of its first read.
pub(crate) async fn begin_snapshot(pool: &AnyPool, sqlite: bool) -> Result<Tx, DbError> {
    let tx = if sqlite {
        pool.begin().await
    } else {
        pool.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            .await
    };
    Ok(tx?.into())
}
