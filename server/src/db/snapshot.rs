//! Consistent reads for queries that take more than one statement (a page and its
//! total, an order and its lines): all of them see the read models as of one moment,
//! never half of a projector batch.

use crate::db::{Backend, DbError, Tx};
use sqlx::AnyPool;

/// Opens a read-only transaction whose statements share one snapshot (see
/// [`Backend::begin_snapshot`]).
pub(crate) async fn begin_snapshot(pool: &AnyPool, backend: Backend) -> Result<Tx, DbError> {
    Ok(pool.begin_with(backend.begin_snapshot()).await?.into())
}
