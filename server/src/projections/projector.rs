//! The projector: applies the event log to every read model, in position order.
//!
//! - **Durable and exactly once**: each batch of events is applied to all read models and
//!   the checkpoint advanced in one transaction, so after a restart or a crash it resumes
//!   from its last commit, neither skipping nor repeating an event.
//! - **Gap-safe**: positions normally arrive without holes (appends commit in position
//!   order, see `events::store`). A hole means a transaction holding that position has
//!   not committed yet, or rolled back; the projector stops before it and waits up to
//!   [`GAP_GRACE`] for it to fill before treating it as rolled back, so a late commit is
//!   never skipped.
//! - **Prompt**: it sleeps until the unit of work signals a commit, not a fixed interval
//!   (a one-second poll remains as a safety net for writes from other processes).
//! - **Live**: after each commit it publishes the batch to the live feed, if given one,
//!   so SSE clients hear only of what the read models include.

use crate::db::{DbError, Tx, Writer, begin_write};
use crate::events::{StoredEvent, read_after};
use crate::live::LiveFeed;
use crate::projections::{Projection, ProjectionLag, ProjectionWatch};
use sqlx::AnyPool;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{Notify, watch};

/// Name of this projector's checkpoint row.
const CHECKPOINT: &str = "views";
/// Events applied per batch. Commands queue behind a batch while it applies, so it stays
/// small: a few milliseconds of work, not a stall.
const BATCH: i64 = 8;
/// How long a hole in the positions may stay open before it counts as a rollback.
pub(crate) const GAP_GRACE: Duration = Duration::from_secs(1);
/// Safety-net poll for commits this process was not told about.
const IDLE_POLL: Duration = Duration::from_secs(1);

/// Keeps every read model up to date.
pub(crate) struct Projector {
    pool: AnyPool,
    /// Each batch is one writer in the shared write transaction, like a command.
    writer: Writer,
    projections: Arc<[Box<dyn Projection>]>,
    wake: Arc<Notify>,
    applied: watch::Sender<i64>,
    lag: Arc<ProjectionLag>,
    /// The first missing position seen and when, while waiting for it to fill.
    gap: Option<(i64, Instant)>,
    gap_grace: Duration,
    /// Where committed batches go out to the SSE streams.
    live: Option<LiveFeed>,
}

/// What one round of [`Projector::catch_up`] achieved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Progress {
    /// Everything committed is applied.
    CaughtUp,
    /// Stopped before a hole that may still fill; try again shortly.
    WaitingForGap,
}

impl Projector {
    /// A projector over `projections`, starting from the stored checkpoint, that reads
    /// the log from `pool` and writes through `writer`; it wakes when `writer` commits.
    pub async fn start(
        pool: AnyPool,
        writer: Writer,
        projections: Vec<Box<dyn Projection>>,
    ) -> Result<(Self, ProjectionWatch), DbError> {
        let position = load_checkpoint(&pool).await?;
        let (applied, receiver) = watch::channel(position);
        let lag = Arc::new(ProjectionLag::default());
        let projector = Self {
            lag: lag.clone(),
            pool,
            wake: writer.committed(),
            writer,
            projections: projections.into(),
            applied,
            gap: None,
            gap_grace: GAP_GRACE,
            live: None,
        };
        Ok((projector, ProjectionWatch::new(receiver, lag)))
    }

    /// Publishes every batch, once committed, to `feed`.
    pub fn publishing_to(mut self, feed: LiveFeed) -> Self {
        self.live = Some(feed);
        self
    }

    /// Runs until the process ends; errors are logged and retried after a pause.
    pub async fn run(mut self) {
        loop {
            match self.catch_up().await {
                Ok(Progress::CaughtUp) => {
                    let _ = tokio::time::timeout(IDLE_POLL, self.wake.notified()).await;
                }
                Ok(Progress::WaitingForGap) => tokio::time::sleep(Duration::from_millis(20)).await,
                Err(error) => {
                    tracing::error!(%error, "projector failed; retrying");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
        }
    }

    /// Applies every committed event after the checkpoint.
    pub async fn catch_up(&mut self) -> Result<Progress, DbError> {
        loop {
            let from = *self.applied.borrow();
            let events = read_after(&self.pool, from, BATCH).await?;
            let ready = self.ready_prefix(from, &events);
            if ready > 0 {
                self.apply(&events[..ready]).await?;
            }
            if ready < events.len() {
                return Ok(Progress::WaitingForGap);
            }
            if events.len() < BATCH as usize {
                return Ok(Progress::CaughtUp);
            }
        }
    }

    /// How many of `events` (read after `from`) can be applied now: all up to the first
    /// hole that is younger than the grace period.
    fn ready_prefix(&mut self, from: i64, events: &[StoredEvent]) -> usize {
        let mut expected = from + 1;
        for (index, event) in events.iter().enumerate() {
            if event.position != expected {
                let since = match self.gap {
                    Some((missing, since)) if missing == expected => since,
                    _ => self.gap.insert((expected, Instant::now())).1,
                };
                if since.elapsed() < self.gap_grace {
                    return index;
                }
                tracing::warn!(
                    missing = expected,
                    "skipping positions that never committed"
                );
            }
            expected = event.position + 1;
        }
        self.gap = None;
        events.len()
    }

    async fn apply(&mut self, events: &[StoredEvent]) -> Result<(), DbError> {
        let started = Instant::now();
        let mut tx = self.writer.begin().await?;
        let began = started.elapsed();
        for event in events {
            for projection in self.projections.iter() {
                // Which view refused which event travels with the error, logged once by
                // `run`; the batch rolls back and is retried.
                projection
                    .apply(&mut tx, event)
                    .await
                    .map_err(|error| DbError::Projection {
                        view: projection.name(),
                        position: event.position,
                        source: Box::new(error),
                    })?;
            }
        }
        let last = events
            .last()
            .map_or(*self.applied.borrow(), |event| event.position);
        save_checkpoint(&mut tx, last).await?;
        let applied = started.elapsed();
        tx.commit().await?;
        let now = chrono::Utc::now();
        for event in events {
            self.lag
                .record((now - event.recorded_at).to_std().unwrap_or_default());
        }
        tracing::debug!(
            events = events.len(),
            waited_us = began.as_micros() as u64,
            applied_us = (applied - began).as_micros() as u64,
            committed_us = (started.elapsed() - applied).as_micros() as u64,
            "applied a batch"
        );
        // Position first, then the feed: a stream that subscribes in between replays
        // the batch from the store up to this position.
        self.applied.send_replace(last);
        if let Some(feed) = &self.live {
            feed.publish(events);
        }
        Ok(())
    }
}

#[cfg(test)]
impl Projector {
    /// Shortens the grace period so tests of rolled-back gaps run fast.
    pub(crate) fn with_gap_grace(mut self, grace: Duration) -> Self {
        self.gap_grace = grace;
        self
    }
}

/// Empties every read model and the checkpoint, then replays the whole log. Run it with
/// the server stopped (`server rebuild-projections`); returns the position reached.
pub(crate) async fn rebuild(
    pool: &AnyPool,
    sqlite: bool,
    projections: Vec<Box<dyn Projection>>,
) -> Result<i64, DbError> {
    let mut tx = begin_write(pool, sqlite).await?;
    for projection in &projections {
        for table in projection.tables() {
            // Table names come from the code, never from input.
            sqlx::query(&format!("DELETE FROM {table}"))
                .execute(&mut *tx)
                .await?;
        }
    }
    save_checkpoint(&mut tx, 0).await?;
    tx.commit().await?;
    let writer = Writer::new(pool, sqlite, Arc::default()).await?;
    let (mut projector, watch) = Projector::start(pool.clone(), writer, projections).await?;
    while projector.catch_up().await? == Progress::WaitingForGap {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    Ok(watch.applied())
}

async fn load_checkpoint(pool: &AnyPool) -> Result<i64, DbError> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT position FROM projection_checkpoints WHERE name = $1")
            .bind(CHECKPOINT)
            .fetch_optional(pool)
            .await?;
    Ok(row.map_or(0, |(position,)| position))
}

async fn save_checkpoint(tx: &mut Tx, position: i64) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO projection_checkpoints (name, position) VALUES ($1, $2) \
         ON CONFLICT (name) DO UPDATE SET position = excluded.position",
    )
    .bind(CHECKPOINT)
    .bind(position)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
