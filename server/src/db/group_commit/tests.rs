//! The shared write transaction against a real database (SQLite, or PostgreSQL when
//! `TEST_DATABASE_URL` is set): writers that queue together share one commit, and each
//! keeps or loses only its own changes.

use super::*;
use crate::db::test_support::test_database;
use std::time::Duration;

/// Writes one row that names the writer; the checkpoint table is the simplest at hand.
async fn write_row(slot: &mut WriteSlot, name: &str) {
    sqlx::query("INSERT INTO projection_checkpoints (name, position) VALUES ($1, 1)")
        .bind(name)
        .execute(slot.connection())
        .await
        .unwrap();
}

async fn rows(pool: &AnyPool) -> Vec<String> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT name FROM projection_checkpoints WHERE name LIKE 'writer-%' ORDER BY name",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    rows.into_iter().map(|(name,)| name).collect()
}

async fn until_queued(writer: &GroupCommit, count: usize) {
    while writer.queued() < count {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

#[tokio::test]
async fn writers_queued_together_share_one_commit_and_a_failure_stays_their_own() {
    let db = test_database().await;
    let writer = GroupCommit::new(&db.pool, db.backend, Arc::default())
        .await
        .unwrap();
    let before = writer.commits();
    let mut first = writer.begin().await.unwrap();
    let others: Vec<_> = (1..=6)
        .map(|n| {
            let writer = writer.clone();
            tokio::spawn(async move {
                let mut slot = writer.begin().await.unwrap();
                write_row(&mut slot, &format!("writer-{n}")).await;
                // Every third writer refuses after writing, as a failing command does.
                if n % 3 == 0 {
                    slot.rollback().await.map(|()| false)
                } else {
                    slot.commit().await.map(|()| true)
                }
            })
        })
        .collect();
    until_queued(&writer, 6).await;
    write_row(&mut first, "writer-0").await;
    first.commit().await.unwrap();
    for (n, task) in others.into_iter().enumerate() {
        let kept = task.await.unwrap().unwrap();
        assert_eq!(kept, (n + 1) % 3 != 0);
    }
    assert_eq!(
        rows(&db.pool).await,
        ["writer-0", "writer-1", "writer-2", "writer-4", "writer-5"]
    );
    assert_eq!(writer.commits() - before, 1, "seven writers, one commit");
}

#[tokio::test]
async fn a_writer_alone_commits_at_once() {
    let db = test_database().await;
    let writer = GroupCommit::new(&db.pool, db.backend, Arc::default())
        .await
        .unwrap();
    let mut slot = writer.begin().await.unwrap();
    write_row(&mut slot, "writer-alone").await;
    slot.commit().await.unwrap();
    assert_eq!(rows(&db.pool).await, ["writer-alone"]);
}

#[tokio::test]
async fn a_cancelled_writer_leaves_nothing_and_does_not_hold_up_its_batch() {
    let db = test_database().await;
    let writer = GroupCommit::new(&db.pool, db.backend, Arc::default())
        .await
        .unwrap();
    let mut first = writer.begin().await.unwrap();
    write_row(&mut first, "writer-kept").await;
    // Queued behind the first, then dropped mid-way, like a request whose client left.
    let cancelled = tokio::spawn({
        let writer = writer.clone();
        async move {
            let mut slot = writer.begin().await.unwrap();
            write_row(&mut slot, "writer-dropped").await;
            drop(slot);
        }
    });
    until_queued(&writer, 1).await;
    let committed = tokio::spawn(first.commit());
    cancelled.await.unwrap();
    tokio::time::timeout(Duration::from_secs(5), committed)
        .await
        .expect("the batch commits without the cancelled writer")
        .unwrap()
        .unwrap();
    assert_eq!(rows(&db.pool).await, ["writer-kept"]);
    // The writer goes on serving.
    let mut next = writer.begin().await.unwrap();
    write_row(&mut next, "writer-next").await;
    next.commit().await.unwrap();
    assert_eq!(rows(&db.pool).await, ["writer-kept", "writer-next"]);
}

#[tokio::test]
async fn a_writer_that_leaves_as_its_turn_comes_does_not_hold_up_the_batch() {
    let db = test_database().await;
    let writer = GroupCommit::new(&db.pool, db.backend, Arc::default())
        .await
        .unwrap();
    let mut first = writer.begin().await.unwrap();
    write_row(&mut first, "writer-first").await;
    let impatient = tokio::spawn({
        let writer = writer.clone();
        async move { writer.begin().await.map(|_| ()) }
    });
    until_queued(&writer, 1).await;
    let committed = tokio::spawn(first.commit());
    tokio::time::sleep(Duration::from_millis(20)).await;
    impatient.abort();
    tokio::time::timeout(Duration::from_secs(5), committed)
        .await
        .expect("the batch commits once nobody is left to join it")
        .unwrap()
        .unwrap();
    assert_eq!(rows(&db.pool).await, ["writer-first"]);
}

/// Polls `future` at most `polls` times, letting other tasks and threads run in between,
/// then drops it if it has not finished: a request cancelled at one of its awaits.
async fn cancel_after<F: Future>(future: F, polls: usize) {
    let mut future = std::pin::pin!(future);
    for _ in 0..polls {
        let step = std::future::poll_fn(|cx| std::task::Poll::Ready(future.as_mut().poll(cx)));
        if step.await.is_ready() {
            return;
        }
        tokio::time::sleep(Duration::from_micros(50)).await;
    }
}

#[tokio::test]
async fn a_writer_cancelled_at_any_await_leaves_the_writer_serving() {
    let db = test_database().await;
    let writer = GroupCommit::new(&db.pool, db.backend, Arc::default())
        .await
        .unwrap();
    let mut kept = Vec::new();
    // Where a poll stops depends on the database's thread, so each count is tried often.
    for round in 0..160 {
        let polls = round % 16;
        // A client leaves while its command begins, commits or rolls back.
        cancel_after(writer.begin(), polls).await;
        let mut slot = writer.begin().await.unwrap();
        write_row(&mut slot, &format!("writer-c{round:03}")).await;
        cancel_after(slot.commit(), polls).await;
        let mut slot = writer.begin().await.unwrap();
        write_row(&mut slot, &format!("writer-r{round:03}")).await;
        cancel_after(slot.rollback(), polls).await;
        // The next command is served, and what it was told is what the database holds.
        let name = format!("writer-n{round:03}");
        let mut slot = tokio::time::timeout(Duration::from_secs(5), writer.begin())
            .await
            .expect("the writer is not stuck")
            .unwrap_or_else(|error| panic!("after {polls} polls: {error}"));
        write_row(&mut slot, &name).await;
        slot.commit()
            .await
            .unwrap_or_else(|error| panic!("after {polls} polls: {error}"));
        kept.push(name);
    }
    let rows = rows(&db.pool).await;
    let served: Vec<&String> = rows.iter().filter(|r| r.starts_with("writer-n")).collect();
    assert_eq!(served, kept.iter().collect::<Vec<_>>());
    assert!(
        !rows.iter().any(|r| r.starts_with("writer-r")),
        "a rolled-back writer's row was kept: {rows:?}"
    );
}

#[tokio::test]
async fn on_sqlite_the_writer_keeps_a_larger_page_cache_than_each_reader() {
    let db = test_database().await;
    if db.backend != Backend::Sqlite {
        return;
    }
    let writer = GroupCommit::new(&db.pool, db.backend, Arc::default())
        .await
        .unwrap();
    let cache_size = "PRAGMA cache_size";
    let (reader,): (i64,) = sqlx::query_as(cache_size)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let mut slot = writer.begin().await.unwrap();
    let (written,): (i64,) = sqlx::query_as(cache_size)
        .fetch_one(slot.connection())
        .await
        .unwrap();
    slot.commit().await.unwrap();
    // Negative sizes are in KiB.
    assert_eq!(reader, -i64::from(crate::db::connect::READER_CACHE_KIB));
    assert_eq!(written, -i64::from(WRITER_CACHE_KIB));
}
