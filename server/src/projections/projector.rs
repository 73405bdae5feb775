//! The projector: applies the event log to every read model, in position order.
//!
//! - **Durable and exactly once**: every read model has a checkpoint of its own, advanced
//!   in the transaction that applies its events, so after a restart or a crash each one
//!   resumes from its last commit, neither skipping nor repeating an event. The views are
//!   complete up to the lowest checkpoint ([`ProjectionWatch`] reports that one).
//! - **Fast**: a read model writes a batch's run of placed orders with a multi-row
//!   statement per table (`Projection::apply_all`). On SQLite a batch is one writer in
//!   the group commit (the views one after the other, one statement for their
//!   checkpoints). On PostgreSQL, where a statement is a network round trip, each read
//!   model applies the batch in a transaction of its own, all at once, so a batch takes
//!   as long as its slowest view rather than their sum.
//! - **Gap-safe**: positions normally arrive without holes (appends commit in position
//!   order, see `events::store`). A hole means a transaction holding that position has
//!   not committed yet, or rolled back; the projector stops before it and waits up to
//!   [`GAP_GRACE`] for it to fill before treating it as rolled back, so a late commit is
//!   never skipped.
//! - **Prompt**: it sleeps until the unit of work signals a commit, not a fixed interval
//!   (a one-second poll remains as a safety net for writes from other processes), then
//!   [`GATHER`] more, so commits arriving together become one batch rather than one
//!   batch each (on SQLite every batch takes a turn on the single writer).
//! - **Live**: after each commit it publishes the batch to the live feed, if given one,
//!   so SSE clients hear only of what the read models include.

use crate::db::{Backend, DbError, Tx, Writer, begin_write, insert_rows};
use crate::events::{StoredEvent, read_after};
use crate::live::LiveFeed;
use crate::projections::{Projection, ProjectionWatch};
use metrics::{gauge, histogram};
use sqlx::AnyPool;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{Notify, watch};

/// The one checkpoint of all read models that databases written before per-view
/// checkpoints hold; a read model without its own starts from there.
const SHARED_CHECKPOINT: &str = "views";
/// Events applied per batch. On SQLite commands queue behind a batch while it applies,
/// so it stays small: with multi-row statements, a few milliseconds of work, not a stall.
const BATCH: i64 = 32;
/// How long a hole in the positions may stay open before it counts as a rollback.
pub(crate) const GAP_GRACE: Duration = Duration::from_secs(1);
/// How long the projector waits after a commit notice before it reads the log, so that
/// orders arriving together are applied in one batch rather than one batch each.
const GATHER: Duration = Duration::from_millis(2);
/// Safety-net poll for commits this process was not told about.
const IDLE_POLL: Duration = Duration::from_secs(1);

/// Keeps every read model up to date.
pub(crate) struct Projector {
    pool: AnyPool,
    /// Each batch is one writer in the shared write transaction, like a command.
    writer: Writer,
    projections: Arc<[Box<dyn Projection>]>,
    /// Each read model's checkpoint, in the order of `projections`.
    positions: Vec<i64>,
    wake: Arc<Notify>,
    applied: watch::Sender<i64>,
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
        let shared = load_checkpoint(&pool, SHARED_CHECKPOINT).await?;
        let mut positions = Vec::with_capacity(projections.len());
        for projection in &projections {
            let own = load_checkpoint(&pool, projection.name()).await?;
            positions.push(own.or(shared).unwrap_or(0));
        }
        if shared.is_some() {
            split_shared_checkpoint(&writer, &projections, &positions).await?;
        }
        let position = positions.iter().copied().min().unwrap_or(0);
        let (applied, receiver) = watch::channel(position);
        let projector = Self {
            pool,
            wake: writer.committed(),
            writer,
            projections: projections.into(),
            positions,
            applied,
            gap: None,
            gap_grace: GAP_GRACE,
            live: None,
        };
        Ok((projector, ProjectionWatch::new(receiver)))
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
                    let woken = tokio::time::timeout(IDLE_POLL, self.wake.notified()).await;
                    if woken.is_ok() {
                        // Let the commits that follow this one gather into the batch.
                        tokio::time::sleep(GATHER).await;
                    }
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
        let reached = match &self.writer {
            Writer::Shared(_) => self.apply_together(events).await,
            Writer::Pooled { .. } => self.apply_apart(events).await,
        };
        // A view that committed keeps its progress even when another failed: it will not
        // be given those events again.
        let mut failure = None;
        for (position, result) in self.positions.iter_mut().zip(reached) {
            match result {
                Ok(reached) => *position = reached,
                Err(error) => {
                    failure.get_or_insert(error);
                }
            }
        }
        if let Some(error) = failure {
            return Err(error);
        }
        let last = events
            .last()
            .map_or(*self.applied.borrow(), |event| event.position);
        let now = chrono::Utc::now();
        let lag = histogram!("projection_lag_seconds");
        for event in events {
            lag.record((now - event.recorded_at).to_std().unwrap_or_default());
        }
        histogram!("projector_batch_events").record(events.len() as f64);
        gauge!("projector_position").set(last as f64);
        tracing::debug!(
            events = events.len(),
            took_us = started.elapsed().as_micros() as u64,
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

impl Projector {
    /// The events of `events` that the read model `index` has not applied yet.
    fn pending<'e>(&self, index: usize, events: &'e [StoredEvent]) -> &'e [StoredEvent] {
        let after = self.positions[index];
        let first = events.partition_point(|event| event.position <= after);
        &events[first..]
    }

    /// SQLite: every read model in one writer of the group commit, then one statement for
    /// the checkpoints of those that moved. All of them move, or none.
    async fn apply_together(&self, events: &[StoredEvent]) -> Vec<Result<i64, DbError>> {
        let together = async {
            let mut tx = self.writer.begin().await?;
            let mut moved = Vec::new();
            for (index, projection) in self.projections.iter().enumerate() {
                let pending = self.pending(index, events);
                projection.apply_all(&mut tx, pending).await?;
                if let Some(last) = pending.last() {
                    moved.push((projection.name(), last.position));
                }
            }
            save_checkpoints(&mut tx, &moved).await?;
            tx.commit().await
        };
        let mut done = Some(together.await);
        (0..self.projections.len())
            .map(|index| {
                let unmoved = self.positions[index];
                match done.as_ref() {
                    Some(Ok(())) => Ok(self
                        .pending(index, events)
                        .last()
                        .map_or(unmoved, |event| event.position)),
                    // One error says why none moved.
                    Some(Err(_)) => Err(done.take().and_then(Result::err).expect("an error")),
                    None => Ok(unmoved),
                }
            })
            .collect()
    }

    /// PostgreSQL: each read model in a transaction of its own, all at once.
    async fn apply_apart(&self, events: &[StoredEvent]) -> Vec<Result<i64, DbError>> {
        let apart = self
            .projections
            .iter()
            .enumerate()
            .map(|(index, projection)| async move {
                let pending = self.pending(index, events);
                let Some(last) = pending.last().map(|event| event.position) else {
                    return Ok(self.positions[index]);
                };
                let mut tx = self.writer.begin().await?;
                projection.apply_all(&mut tx, pending).await?;
                save_checkpoints(&mut tx, &[(projection.name(), last)]).await?;
                tx.commit().await?;
                Ok(last)
            });
        futures_util::future::join_all(apart).await
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

/// Empties every read model and the checkpoints, then replays the whole log. Run it with
/// the server stopped (`server rebuild-projections`); returns the position reached.
pub(crate) async fn rebuild(
    pool: &AnyPool,
    backend: Backend,
    projections: Vec<Box<dyn Projection>>,
) -> Result<i64, DbError> {
    let mut tx = begin_write(pool, backend).await?;
    for projection in &projections {
        for table in projection.tables() {
            // Table names come from the code, never from input.
            sqlx::query(&format!("DELETE FROM {table}"))
                .execute(&mut *tx)
                .await?;
        }
    }
    // Every read model, and the shared checkpoint of older databases, starts over.
    sqlx::query("DELETE FROM projection_checkpoints")
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    let writer = Writer::new(pool, backend, Arc::default()).await?;
    let (mut projector, watch) = Projector::start(pool.clone(), writer, projections).await?;
    while projector.catch_up().await? == Progress::WaitingForGap {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    Ok(watch.applied())
}

/// Gives every read model its own checkpoint row in place of the one shared row of a
/// database written by an earlier version.
async fn split_shared_checkpoint(
    writer: &Writer,
    projections: &[Box<dyn Projection>],
    positions: &[i64],
) -> Result<(), DbError> {
    let rows: Vec<(&'static str, i64)> = projections
        .iter()
        .map(|projection| projection.name())
        .zip(positions.iter().copied())
        .collect();
    let mut tx = writer.begin().await?;
    save_checkpoints(&mut tx, &rows).await?;
    sqlx::query("DELETE FROM projection_checkpoints WHERE name = $1")
        .bind(SHARED_CHECKPOINT)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// The checkpoint row `name`, if there is one.
async fn load_checkpoint(pool: &AnyPool, name: &str) -> Result<Option<i64>, DbError> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT position FROM projection_checkpoints WHERE name = $1")
            .bind(name)
            .fetch_optional(pool)
            .await?;
    Ok(row.map(|(position,)| position))
}

/// Sets the checkpoints of `moved` (read model name, position) in one statement.
async fn save_checkpoints(tx: &mut Tx, moved: &[(&'static str, i64)]) -> Result<(), DbError> {
    insert_rows(
        tx,
        "INSERT INTO projection_checkpoints (name, position)",
        2,
        "ON CONFLICT (name) DO UPDATE SET position = excluded.position",
        moved,
        |query, (name, position)| query.bind(*name).bind(*position),
    )
    .await
}
