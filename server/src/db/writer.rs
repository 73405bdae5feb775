//! [`Writer`]: where every command, every projector batch and every other write goes.
//!
//! - **SQLite** has one write lock per database. Several pooled connections racing for it
//!   made the losers sleep in SQLite's busy handler (a customer alone on the server waited
//!   300 ms once in a hundred orders), so every write goes through one connection with
//!   group commit ([`GroupCommit`]): a fair queue, a savepoint per writer, one commit for
//!   the writers that arrive together.
//! - **PostgreSQL** takes concurrent writers well, and its statements are network round
//!   trips: serializing them on one connection cut placement throughput to a third. Each
//!   writer gets a transaction of its own on the pool; appends still commit in position
//!   order (the advisory lock in `events::store`).

use crate::db::group_commit::GroupCommit;
use crate::db::{Backend, DbError, Tx};
use sqlx::AnyPool;
use std::sync::Arc;
use tokio::sync::Notify;

/// Opens write transactions. Cheap to clone.
#[derive(Clone)]
pub(crate) enum Writer {
    Shared(GroupCommit),
    Pooled {
        pool: AnyPool,
        committed: Arc<Notify>,
    },
}

impl Writer {
    /// The writer for `pool`'s backend; `committed` is told after every commit.
    pub async fn new(
        pool: &AnyPool,
        backend: Backend,
        committed: Arc<Notify>,
    ) -> Result<Self, DbError> {
        Ok(match backend {
            Backend::Sqlite => Self::Shared(GroupCommit::new(pool, backend, committed).await?),
            Backend::Postgres => Self::Pooled {
                pool: pool.clone(),
                committed,
            },
        })
    }

    /// Told after every commit, so the projector wakes at once.
    pub fn committed(&self) -> Arc<Notify> {
        match self {
            Self::Shared(group) => group.committed(),
            Self::Pooled { committed, .. } => committed.clone(),
        }
    }

    /// Opens a write transaction; it must end with `Tx::commit` or `Tx::rollback` (a
    /// dropped one rolls back).
    pub async fn begin(&self) -> Result<Tx, DbError> {
        match self {
            Self::Shared(group) => Ok(group.begin().await?.into()),
            Self::Pooled { pool, committed } => {
                Ok(Tx::notifying(pool.begin().await?, committed.clone()))
            }
        }
    }

    /// Writers waiting for the SQLite write connection now; always 0 on PostgreSQL,
    /// whose writers each have their own.
    pub fn queued(&self) -> usize {
        match self {
            Self::Shared(group) => group.queued(),
            Self::Pooled { .. } => 0,
        }
    }

    /// SQLite: see [`GroupCommit::checkpoint`]; nothing to do on PostgreSQL.
    pub async fn checkpoint(&self) -> Result<(), DbError> {
        match self {
            Self::Shared(group) => group.checkpoint().await,
            Self::Pooled { .. } => Ok(()),
        }
    }
}
