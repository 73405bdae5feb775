//! Group commit on one connection (SQLite's writer, see `db::writer`): every command and
//! every projector batch writes through a single connection, one at a time, in
//! first-come order, and writers that arrive together share one database commit.
//!
//! Why one connection: SQLite has one write lock per database. With several pooled
//! connections racing for it, the losers sleep in SQLite's busy handler (1, 2, 5, ...
//! 100 ms steps) and a customer alone on the server waited 300 ms once in a hundred
//! orders. A fair async queue in front of one connection makes waiting cheap and
//! ordered. (PostgreSQL takes concurrent writers well: there `db::writer` gives each
//! writer a pooled transaction instead; the tests run this on both backends.)
//!
//! How a batch works: the first writer opens a transaction; each writer runs inside its
//! own `SAVEPOINT`, which it releases on success or rolls back on a problem, so one
//! failing command never fails its neighbours. A writer that finishes while nobody is
//! queued behind it (or when the batch is full) commits the transaction for everyone in
//! it; the others wait for that commit before they answer, so an answered command is
//! always durable.

use crate::db::{Backend, DbError};
use sqlx::{AnyConnection, AnyPool, Executor};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use tokio::sync::{Mutex, Notify, OwnedMutexGuard, watch};

/// The most writers one commit may carry; bounds how long the first of them waits.
const MAX_BATCH: usize = 64;

/// The writer connection's SQLite page cache, in KiB (SQLite's default): inserts walk the
/// upper pages of every index they touch, so those stay cached. Readers keep less
/// (`db::connect::READER_CACHE_KIB`).
pub(crate) const WRITER_CACHE_KIB: u32 = 2_000;

/// The shared transaction's answer: `None` until it committed or failed.
type BatchResult = Option<Result<(), Arc<str>>>;

/// Hands out places in the shared write transaction. Cheap to clone.
#[derive(Clone)]
pub(crate) struct GroupCommit {
    shared: Arc<Shared>,
}

struct Shared {
    slot: Arc<Mutex<Slot>>,
    /// Writers queued for the slot: while any is, a finished writer leaves the commit to
    /// those behind it.
    queued: AtomicUsize,
    backend: Backend,
    /// Where a broken connection is replaced from.
    pool: AnyPool,
    /// Told after every commit, so the projector wakes at once.
    committed: Arc<Notify>,
    /// Commits so far (tests compare it with the writers they carried).
    commits: AtomicU64,
}

/// The connection and the state of its open transaction.
struct Slot {
    conn: Option<AnyConnection>,
    /// The open transaction's members wait on this; `None` when none is open.
    batch: Option<watch::Sender<BatchResult>>,
    /// Members that released their savepoint and wait for the commit.
    members: usize,
    /// A writer was dropped mid-way (its request was cancelled) with its savepoint open.
    abandoned: bool,
}

impl GroupCommit {
    /// Group commit on a connection of its own, taken from `pool` (which then opens
    /// another for readers), with the pool's connection settings.
    pub async fn new(
        pool: &AnyPool,
        backend: Backend,
        committed: Arc<Notify>,
    ) -> Result<Self, DbError> {
        let conn = writer_connection(pool, backend).await?;
        let slot = Slot {
            conn: Some(conn),
            batch: None,
            members: 0,
            abandoned: false,
        };
        Ok(Self {
            shared: Arc::new(Shared {
                slot: Arc::new(Mutex::new(slot)),
                queued: AtomicUsize::new(0),
                backend,
                pool: pool.clone(),
                committed,
                commits: AtomicU64::new(0),
            }),
        })
    }

    /// Told after every commit.
    pub fn committed(&self) -> Arc<Notify> {
        self.shared.committed.clone()
    }

    /// Writers waiting for the connection now (for `/metrics`).
    pub fn queued(&self) -> usize {
        self.shared.queued.load(Ordering::Acquire)
    }

    /// SQLite: copies the last WAL frames into the database file with no transaction
    /// open on the writer (committing an open batch first), so that the next write
    /// transaction starts the log afresh instead of growing it. `db::checkpoint` copies
    /// the bulk beforehand without holding the connection, so this part is short.
    pub async fn checkpoint(&self) -> Result<(), DbError> {
        let queued = Queued::new(&self.shared);
        let mut guard = self.shared.slot.clone().lock_owned().await;
        queued.arrived();
        if std::mem::take(&mut guard.abandoned)
            && let Err(error) = guard.undo_savepoint().await
        {
            self.shared.fail_batch(&mut guard, &error).await;
        }
        self.shared.commit_batch(&mut guard).await;
        guard.execute("PRAGMA wal_checkpoint(PASSIVE)").await
    }

    /// Waits for its turn, then opens a savepoint in the shared transaction (opening
    /// that first when needed). Writes go through the returned [`WriteSlot`], which must
    /// end with [`commit`](WriteSlot::commit) or [`rollback`](WriteSlot::rollback).
    pub async fn begin(&self) -> Result<WriteSlot, DbError> {
        let shared = self.shared.clone();
        uncancelled(async move {
            let queued = Queued::new(&shared);
            let mut guard = shared.slot.clone().lock_owned().await;
            queued.arrived();
            match shared.open_savepoint(&mut guard).await {
                Ok(()) => Ok(WriteSlot {
                    guard: Some(guard),
                    shared: shared.clone(),
                }),
                Err(error) => {
                    shared.fail_batch(&mut guard, &error).await;
                    Err(error)
                }
            }
        })
        .await
    }
}

/// A connection of the writer's own, out of `pool`, with the writer's page cache.
async fn writer_connection(pool: &AnyPool, backend: Backend) -> Result<AnyConnection, DbError> {
    let mut conn = pool.acquire().await?.detach();
    if backend == Backend::Sqlite {
        let cache = format!("PRAGMA cache_size = -{WRITER_CACHE_KIB}");
        conn.execute(cache.as_str()).await?;
    }
    Ok(conn)
}

impl Shared {
    async fn open_savepoint(&self, slot: &mut Slot) -> Result<(), DbError> {
        if slot.conn.is_none() {
            slot.conn = Some(writer_connection(&self.pool, self.backend).await?);
        }
        if std::mem::take(&mut slot.abandoned) {
            slot.undo_savepoint().await?;
        }
        if slot.batch.is_none() {
            slot.execute(self.backend.begin_write()).await?;
            slot.batch = Some(watch::channel(None).0);
        }
        slot.execute("SAVEPOINT command").await
    }

    /// Commits the open transaction when nobody is queued to join it, or it is full.
    async fn settle(&self, slot: &mut Slot) {
        let full = slot.members >= MAX_BATCH;
        if self.queued.load(Ordering::Acquire) == 0 || full {
            self.commit_batch(slot).await;
        }
    }

    /// Commits the open transaction, if any, and tells its members.
    async fn commit_batch(&self, slot: &mut Slot) {
        if slot.batch.is_none() {
            return;
        }
        match slot.execute("COMMIT").await {
            Ok(()) => {
                if let Some(batch) = slot.batch.take() {
                    batch.send_replace(Some(Ok(())));
                }
                slot.members = 0;
                self.commits.fetch_add(1, Ordering::Relaxed);
                self.committed.notify_one();
            }
            Err(error) => self.fail_batch(slot, &error).await,
        }
    }

    /// Rolls the whole transaction back and tells its members why; a connection that
    /// cannot even roll back is dropped and replaced by the next writer.
    async fn fail_batch(&self, slot: &mut Slot, error: &DbError) {
        tracing::error!(%error, members = slot.members, "the shared write transaction failed");
        if slot.batch.is_some() && slot.execute("ROLLBACK").await.is_err() {
            slot.conn = None;
        }
        if let Some(batch) = slot.batch.take() {
            batch.send_replace(Some(Err(error.to_string().into())));
        }
        slot.members = 0;
        slot.abandoned = false;
    }

    /// Finishes what a cancelled writer left: its savepoint, and a commit its batch's
    /// members may be waiting for.
    async fn tidy(self: Arc<Self>) {
        let mut guard = self.slot.clone().lock_owned().await;
        if std::mem::take(&mut guard.abandoned)
            && let Err(error) = guard.undo_savepoint().await
        {
            self.fail_batch(&mut guard, &error).await;
        }
        self.settle(&mut guard).await;
    }

    fn tidy_later(self: &Arc<Self>) {
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(self.clone().tidy());
        }
    }
}

impl Slot {
    /// Runs a transaction-control statement. `raw_sql`: PostgreSQL's simple protocol,
    /// nothing prepared and cached for statements this short.
    async fn execute(&mut self, sql: &'static str) -> Result<(), DbError> {
        let conn = self
            .conn
            .as_mut()
            .ok_or(DbError::Batch("no connection".into()))?;
        conn.execute(sqlx::raw_sql(sql)).await?;
        Ok(())
    }

    /// Discards what the current writer wrote since its savepoint, and the savepoint.
    async fn undo_savepoint(&mut self) -> Result<(), DbError> {
        self.execute("ROLLBACK TO SAVEPOINT command").await?;
        self.execute("RELEASE SAVEPOINT command").await
    }
}

/// Counts a writer as queued until it holds the slot; one that gives up waiting (its
/// request was cancelled) may have been the one the batch was waiting for.
struct Queued<'a> {
    shared: &'a Arc<Shared>,
    waiting: bool,
}

impl<'a> Queued<'a> {
    fn new(shared: &'a Arc<Shared>) -> Self {
        shared.queued.fetch_add(1, Ordering::AcqRel);
        Self {
            shared,
            waiting: true,
        }
    }

    fn arrived(mut self) {
        self.shared.queued.fetch_sub(1, Ordering::AcqRel);
        self.waiting = false;
    }
}

impl Drop for Queued<'_> {
    fn drop(&mut self) {
        if self.waiting && self.shared.queued.fetch_sub(1, Ordering::AcqRel) == 1 {
            self.shared.tidy_later();
        }
    }
}

/// One writer's place in the shared transaction: a savepoint on the writer's
/// connection, held exclusively until it ends.
pub(crate) struct WriteSlot {
    guard: Option<OwnedMutexGuard<Slot>>,
    shared: Arc<Shared>,
}

impl WriteSlot {
    /// The connection to write through.
    pub fn connection(&mut self) -> &mut AnyConnection {
        self.slot()
            .conn
            .as_mut()
            .expect("a slot in use has a connection")
    }

    pub fn connection_ref(&self) -> &AnyConnection {
        let slot = self
            .guard
            .as_ref()
            .expect("a write slot is used until it ends");
        slot.conn.as_ref().expect("a slot in use has a connection")
    }

    fn slot(&mut self) -> &mut Slot {
        self.guard
            .as_mut()
            .expect("a write slot is used until it ends")
    }

    /// Keeps this writer's changes and waits until the shared transaction commits them.
    pub async fn commit(mut self) -> Result<(), DbError> {
        let mut guard = self.guard.take().expect("a write slot ends once");
        let shared = self.shared.clone();
        let mut outcome = uncancelled(async move {
            if let Err(error) = guard.execute("RELEASE SAVEPOINT command").await {
                shared.fail_batch(&mut guard, &error).await;
                return Err(error);
            }
            guard.members += 1;
            let Some(outcome) = guard.batch.as_ref().map(watch::Sender::subscribe) else {
                return Err(DbError::Batch("no open transaction".into()));
            };
            shared.settle(&mut guard).await;
            Ok(outcome)
        })
        .await?;
        let result = outcome.wait_for(Option::is_some).await;
        match result.as_deref() {
            Ok(Some(Ok(()))) => Ok(()),
            Ok(Some(Err(cause))) => Err(DbError::Batch(cause.clone())),
            _ => Err(DbError::Batch("the writer went away".into())),
        }
    }

    /// Undoes this writer's changes; the rest of the batch is untouched.
    pub async fn rollback(mut self) -> Result<(), DbError> {
        let mut guard = self.guard.take().expect("a write slot ends once");
        let shared = self.shared.clone();
        uncancelled(async move {
            let undone = guard.undo_savepoint().await;
            if let Err(error) = &undone {
                shared.fail_batch(&mut guard, error).await;
            }
            shared.settle(&mut guard).await;
            undone
        })
        .await
    }
}

/// Runs `steps` to the end even if the caller stops waiting for them. A writer's request
/// may be cancelled (its client left) at any await; cut between a statement and the
/// bookkeeping that follows it (a `BEGIN` sent but not recorded, a `COMMIT` whose members
/// were never told), the shared connection would be left in a state every later writer
/// fails on. What the caller no longer takes is dropped when the task ends: a
/// [`WriteSlot`] is then abandoned as usual.
async fn uncancelled<T: Send + 'static>(
    steps: impl Future<Output = Result<T, DbError>> + Send + 'static,
) -> Result<T, DbError> {
    match tokio::spawn(steps).await {
        Ok(result) => result,
        Err(error) => match error.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(_) => Err(DbError::Batch("the writer went away".into())),
        },
    }
}

impl Drop for WriteSlot {
    fn drop(&mut self) {
        if let Some(mut guard) = self.guard.take() {
            guard.abandoned = true;
            drop(guard);
            self.shared.tidy_later();
        }
    }
}

#[cfg(test)]
impl GroupCommit {
    fn commits(&self) -> u64 {
        self.shared.commits.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests;
