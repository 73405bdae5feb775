//! SQLite's WAL checkpoints, off the request path. SQLite would otherwise run one inside
//! whichever `COMMIT` pushes the log past 1,000 pages, and that writer (with every
//! command queued behind it) would wait for the copy and its `fsync`. Connections are
//! opened with `wal_autocheckpoint = 0` (`connect`), and this task checkpoints instead,
//! in two steps:
//!
//! 1. `PASSIVE` on a pooled connection copies what the log holds into the database file
//!    and syncs it, without waiting for the writer or for readers: the slow part, off
//!    the writer.
//! 2. [`Writer::checkpoint`] copies the few frames written meanwhile, on the writer's
//!    connection with no transaction open. A log fully copied is started afresh by the
//!    next write transaction; without this step, under steady writes it never is, and
//!    the log grew by ~180 KB an order (545 MB after 3,000 orders).

use crate::db::Writer;
use sqlx::AnyPool;
use std::time::Duration;

/// How often the log is copied back into the database file.
const EVERY: Duration = Duration::from_millis(250);

/// Checkpoints the WAL every [`EVERY`] until the process ends.
pub(crate) async fn checkpoint_wal(pool: AnyPool, writer: Writer) {
    let mut ticks = tokio::time::interval(EVERY);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let copied = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
            .execute(&pool)
            .await
            .map(|_| ());
        if let Err(error) = copied {
            tracing::warn!(%error, "WAL checkpoint failed; retrying");
            continue;
        }
        if let Err(error) = writer.checkpoint().await {
            tracing::warn!(%error, "WAL checkpoint on the writer failed; retrying");
        }
    }
}
