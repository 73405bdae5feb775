//! Retry-safe commands: what a command answered to an `Idempotency-Key`, kept for 24 h
//! in the command's own transaction, so a retry of it gets the same answer and nothing
//! runs twice; requests with one key take turns ([`KeyTurns`]). The key reaches a
//! handler through the mediator's `Context`.

mod store;
mod turns;

use crate::db::Writer;
use std::time::Duration;

pub(crate) use store::{Remembered, is_remembered, purge_expired, recall, remember};
pub(crate) use turns::KeyTurns;

/// Purges expired keys once an hour (and at start) until the process ends, so the table
/// holds at most a day of keys.
pub(crate) async fn purge_every_hour(writer: Writer) {
    let mut ticks = tokio::time::interval(Duration::from_secs(3600));
    loop {
        ticks.tick().await;
        match purge_expired(&writer).await {
            Ok(purged) => tracing::debug!(purged, "purged expired idempotency keys"),
            Err(error) => tracing::warn!(%error, "purging idempotency keys failed"),
        }
    }
}
