//! The projector against a real SQLite database, with a read model that records every
//! event it is given in a table whose primary key is the position: applying an event
//! twice would fail, skipping one would show.

use crate::config::DEFAULT_DATABASE_TIMEOUT;
use crate::db::{Backend, DbError, Tx, Writer, connect};
use crate::events::StoredEvent;
use crate::projections::projector::Progress;
use crate::projections::{BoxFuture, Projection, Projector, rebuild};
use sqlx::AnyPool;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tempfile::TempDir;

struct Recorder;

impl Projection for Recorder {
    fn name(&self) -> &'static str {
        "recorder"
    }

    fn tables(&self) -> &'static [&'static str] {
        &["test_seen"]
    }

    fn apply<'a>(
        &'a self,
        tx: &'a mut Tx,
        event: &'a StoredEvent,
    ) -> BoxFuture<'a, Result<(), DbError>> {
        Box::pin(async move {
            sqlx::query("INSERT INTO test_seen (position) VALUES ($1)")
                .bind(event.position)
                .execute(&mut **tx)
                .await?;
            Ok(())
        })
    }
}

/// A second read model that refuses position 2 once, then takes everything.
struct FailsOnce {
    failed: AtomicBool,
}

impl Projection for FailsOnce {
    fn name(&self) -> &'static str {
        "fails_once"
    }

    fn tables(&self) -> &'static [&'static str] {
        &[]
    }

    fn apply<'a>(
        &'a self,
        _tx: &'a mut Tx,
        event: &'a StoredEvent,
    ) -> BoxFuture<'a, Result<(), DbError>> {
        Box::pin(async move {
            if event.position == 2 && !self.failed.swap(true, Ordering::SeqCst) {
                return Err(DbError::Batch("refused once".into()));
            }
            Ok(())
        })
    }
}

async fn checkpoint(pool: &AnyPool, name: &str) -> Option<i64> {
    sqlx::query_as::<_, (i64,)>("SELECT position FROM projection_checkpoints WHERE name = $1")
        .bind(name)
        .fetch_optional(pool)
        .await
        .unwrap()
        .map(|(position,)| position)
}

async fn database() -> (TempDir, AnyPool) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/projector.db", dir.path().display());
    let pool = connect(&url, DEFAULT_DATABASE_TIMEOUT).await.unwrap();
    sqlx::query("CREATE TABLE test_seen (position BIGINT PRIMARY KEY)")
        .execute(&pool)
        .await
        .unwrap();
    // Start from an empty log: the seeded menu's events are not this test's business.
    sqlx::query("DELETE FROM events")
        .execute(&pool)
        .await
        .unwrap();
    (dir, pool)
}

/// Stores an event at an explicit position, as a transaction committing late would.
async fn store_at(pool: &AnyPool, position: i64) {
    sqlx::query(
        "INSERT INTO events (position, stream_id, stream_version, event_type, schema_version, \
         payload, recorded_at) VALUES ($1, $2, 1, 'TestHappened', 1, '{}', '2026-11-26T12:00:00.000000Z')",
    )
    .bind(position)
    .bind(format!("test-{position}"))
    .execute(pool)
    .await
    .unwrap();
}

async fn seen(pool: &AnyPool) -> Vec<i64> {
    let rows: Vec<(i64,)> = sqlx::query_as("SELECT position FROM test_seen ORDER BY position")
        .fetch_all(pool)
        .await
        .unwrap();
    rows.into_iter().map(|(position,)| position).collect()
}

async fn projector(pool: &AnyPool) -> (Projector, crate::projections::ProjectionWatch) {
    let writer = Writer::new(pool, Backend::Sqlite, Arc::default())
        .await
        .unwrap();
    Projector::start(pool.clone(), writer, vec![Box::new(Recorder)])
        .await
        .unwrap()
}

#[tokio::test]
async fn events_are_applied_in_order_and_the_watch_reports_the_position() {
    let (_dir, pool) = database().await;
    for position in 1..=3 {
        store_at(&pool, position).await;
    }
    let (mut projector, watch) = projector(&pool).await;
    assert_eq!(projector.catch_up().await.unwrap(), Progress::CaughtUp);
    assert_eq!(seen(&pool).await, [1, 2, 3]);
    assert_eq!(watch.applied(), 3);
}

#[tokio::test]
async fn a_restarted_projector_resumes_from_its_checkpoint_without_repeating() {
    let (_dir, pool) = database().await;
    store_at(&pool, 1).await;
    store_at(&pool, 2).await;
    projector(&pool).await.0.catch_up().await.unwrap();

    store_at(&pool, 3).await;
    let (mut restarted, watch) = projector(&pool).await;
    assert_eq!(watch.applied(), 2, "the checkpoint survived the restart");
    restarted.catch_up().await.unwrap();
    assert_eq!(seen(&pool).await, [1, 2, 3]);
}

#[tokio::test]
async fn an_event_committed_late_into_a_gap_is_not_skipped() {
    let (_dir, pool) = database().await;
    store_at(&pool, 1).await;
    store_at(&pool, 3).await;
    let (mut projector, watch) = projector(&pool).await;
    assert_eq!(projector.catch_up().await.unwrap(), Progress::WaitingForGap);
    assert_eq!((seen(&pool).await, watch.applied()), (vec![1], 1));

    store_at(&pool, 2).await;
    assert_eq!(projector.catch_up().await.unwrap(), Progress::CaughtUp);
    assert_eq!(seen(&pool).await, [1, 2, 3]);
}

#[tokio::test]
async fn a_gap_that_never_fills_is_passed_after_the_grace_period() {
    let (_dir, pool) = database().await;
    store_at(&pool, 1).await;
    store_at(&pool, 3).await;
    let (projector, _watch) = projector(&pool).await;
    let mut projector = projector.with_gap_grace(Duration::from_millis(50));
    assert_eq!(projector.catch_up().await.unwrap(), Progress::WaitingForGap);
    tokio::time::sleep(Duration::from_millis(60)).await;
    assert_eq!(projector.catch_up().await.unwrap(), Progress::CaughtUp);
    assert_eq!(seen(&pool).await, [1, 3]);
}

#[tokio::test]
async fn a_running_projector_wakes_on_commit_notice() {
    let (_dir, pool) = database().await;
    let wake = Arc::new(tokio::sync::Notify::new());
    let writer = Writer::new(&pool, Backend::Sqlite, wake.clone())
        .await
        .unwrap();
    let (projector, watch) = Projector::start(pool.clone(), writer, vec![Box::new(Recorder)])
        .await
        .unwrap();
    let running = tokio::spawn(projector.run());
    // Let it catch up and go idle, so only the notice (not its first pass) can wake it.
    tokio::time::sleep(Duration::from_millis(100)).await;
    store_at(&pool, 1).await;
    wake.notify_one();
    let reached = tokio::time::timeout(Duration::from_millis(500), watch.wait_for(Some(1))).await;
    running.abort();
    // Woken by the notice: well before the one-second safety poll.
    assert!(matches!(reached, Ok(Ok(()))), "{reached:?}");
}

#[tokio::test]
async fn a_rebuild_replays_the_log_into_emptied_read_models() {
    let (_dir, pool) = database().await;
    for position in 1..=3 {
        store_at(&pool, position).await;
    }
    projector(&pool).await.0.catch_up().await.unwrap();
    sqlx::query("INSERT INTO test_seen (position) VALUES (99)")
        .execute(&pool)
        .await
        .unwrap();
    let reached = rebuild(&pool, Backend::Sqlite, vec![Box::new(Recorder)])
        .await
        .unwrap();
    assert_eq!((reached, seen(&pool).await), (3, vec![1, 2, 3]));
}

/// With SQLite's writer (one shared connection) the views of a batch commit together;
/// with PostgreSQL's pooled writers (here over SQLite) each commits alone. Either way, after one
/// view fails and the batch is retried, every view has every event exactly once: the
/// recorder's primary key refuses a second copy.
async fn a_failing_view_costs_no_event_and_repeats_none(writer_of: Backend) {
    let (_dir, pool) = database().await;
    for position in 1..=3 {
        store_at(&pool, position).await;
    }
    let writer = Writer::new(&pool, writer_of, Arc::default()).await.unwrap();
    let views: Vec<Box<dyn Projection>> = vec![
        Box::new(Recorder),
        Box::new(FailsOnce {
            failed: AtomicBool::new(false),
        }),
    ];
    let (mut projector, watch) = Projector::start(pool.clone(), writer, views).await.unwrap();
    assert!(projector.catch_up().await.is_err());
    assert_eq!(
        watch.applied(),
        0,
        "the views are complete up to the lowest checkpoint"
    );
    let recorder_kept = match writer_of {
        Backend::Sqlite => None,
        Backend::Postgres => Some(3),
    };
    assert_eq!(checkpoint(&pool, "recorder").await, recorder_kept);
    assert_eq!(checkpoint(&pool, "fails_once").await, None);

    assert_eq!(projector.catch_up().await.unwrap(), Progress::CaughtUp);
    assert_eq!((seen(&pool).await, watch.applied()), (vec![1, 2, 3], 3));
    assert_eq!(checkpoint(&pool, "fails_once").await, Some(3));
}

#[tokio::test]
async fn a_failing_view_rolls_back_its_whole_batch_on_one_writer() {
    a_failing_view_costs_no_event_and_repeats_none(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_failing_view_keeps_the_other_views_progress_with_pooled_writers() {
    a_failing_view_costs_no_event_and_repeats_none(Backend::Postgres).await;
}

#[tokio::test]
async fn a_database_with_one_shared_checkpoint_resumes_every_view_from_it() {
    let (_dir, pool) = database().await;
    for position in 1..=3 {
        store_at(&pool, position).await;
    }
    // As a database written before each view had its own checkpoint.
    sqlx::query("INSERT INTO projection_checkpoints (name, position) VALUES ('views', 2)")
        .execute(&pool)
        .await
        .unwrap();
    let (mut projector, watch) = projector(&pool).await;
    assert_eq!(watch.applied(), 2);
    assert_eq!(
        checkpoint(&pool, "views").await,
        None,
        "split into one row per view"
    );
    assert_eq!(checkpoint(&pool, "recorder").await, Some(2));
    projector.catch_up().await.unwrap();
    assert_eq!(seen(&pool).await, [3]);
    assert_eq!(checkpoint(&pool, "recorder").await, Some(3));
}
