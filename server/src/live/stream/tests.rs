//! Subscriptions against a real database, with the projector played by the test: it
//! appends events, advances the position the read models reached, and publishes to the
//! feed, in that order, as the projector does.

use super::*;
use crate::db::begin_write;
use crate::db::test_support::{TestDatabase, test_database};
use crate::events::{StoredEvent, append, now, read_after};
use crate::orders::{CookingStarted, OrderEvent};
use std::time::Duration;
use tokio::time::timeout;

/// Longest any step may take before the test fails instead of hanging.
const WAIT: Duration = Duration::from_secs(5);

struct Fixture {
    live: LiveUpdates,
    applied: watch::Sender<i64>,
    db: TestDatabase,
}

async fn fixture(capacity: usize) -> Fixture {
    let db = test_database().await;
    let head = read_after(&db.pool, 0, i64::MAX)
        .await
        .unwrap()
        .last()
        .map_or(0, |event| event.position);
    let (applied, views) = watch::channel(head);
    let live = LiveUpdates {
        feed: LiveFeed::with_capacity(capacity),
        pool: db.pool.clone(),
        views: ProjectionWatch::new(views),
    };
    Fixture { live, applied, db }
}

impl Fixture {
    /// Stores the `version`th event of `order_id` and returns it as stored.
    async fn store(&self, order_id: Uuid, version: i64) -> StoredEvent {
        let mut tx = begin_write(&self.db.pool, self.db.backend).await.unwrap();
        let event = OrderEvent::CookingStarted(CookingStarted {
            order_id,
            at: now(),
            by: None,
            minutes: None,
        });
        let appended = append(&mut tx, None, version - 1, &[event]).await.unwrap();
        tx.commit().await.unwrap();
        let stored = read_after(&self.live.pool, appended.position - 1, 1)
            .await
            .unwrap();
        stored.into_iter().next().unwrap()
    }

    /// What the projector does after committing `events`.
    fn project(&self, events: &[StoredEvent]) {
        self.applied.send_replace(events.last().unwrap().position);
        self.live.feed.publish(events);
    }
}

async fn next(subscription: &mut Subscription) -> i64 {
    let update = timeout(WAIT, subscription.next())
        .await
        .expect("an update in time");
    update.unwrap().expect("an update, not the end").position
}

async fn nothing_more(subscription: &mut Subscription) {
    let waited = timeout(Duration::from_millis(100), subscription.next()).await;
    assert!(waited.is_err(), "no further update: {waited:?}");
}

fn positions(events: &[StoredEvent]) -> Vec<i64> {
    events.iter().map(|event| event.position).collect()
}

#[tokio::test]
async fn a_subscription_replays_what_it_missed_then_follows_the_feed_without_duplicates() {
    let f = fixture(16).await;
    let order = Uuid::new_v4();
    let mut missed = Vec::new();
    for version in 1..=3 {
        missed.push(f.store(order, version).await);
    }
    f.applied.send_replace(missed[2].position);
    let mut subscription = f.live.subscribe(Scope::Kitchen, Some(missed[0].position));
    // The projector publishes a batch the subscription has just replayed from the store.
    f.project(&missed[1..]);
    let fresh = f.store(order, 4).await;
    f.project(std::slice::from_ref(&fresh));

    let mut got = Vec::new();
    for _ in 0..3 {
        got.push(next(&mut subscription).await);
    }
    assert_eq!(
        got,
        [missed[1].position, missed[2].position, fresh.position]
    );
    nothing_more(&mut subscription).await;
}

#[tokio::test]
async fn a_subscription_that_lags_behind_the_feed_catches_up_from_the_store() {
    let f = fixture(2).await;
    let mut subscription = f.live.subscribe(Scope::Kitchen, None);
    let mut batch = Vec::new();
    for version in 1..=5 {
        batch.push(f.store(Uuid::new_v4(), version).await);
    }
    f.project(&batch);

    let mut got = Vec::new();
    for _ in 0..5 {
        got.push(next(&mut subscription).await);
    }
    assert_eq!(got, positions(&batch), "every update once, in order");
    let later = f.store(Uuid::new_v4(), 1).await;
    f.project(std::slice::from_ref(&later));
    assert_eq!(next(&mut subscription).await, later.position);
}

#[tokio::test]
async fn an_order_subscription_gets_that_order_only_from_its_first_event() {
    let f = fixture(16).await;
    let (mine, other) = (Uuid::new_v4(), Uuid::new_v4());
    let first = f.store(mine, 1).await;
    let elsewhere = f.store(other, 1).await;
    f.project(&[first.clone(), elsewhere]);
    let mut subscription = f.live.subscribe(Scope::Order(mine), Some(0));
    assert_eq!(next(&mut subscription).await, first.position);

    let unrelated = f.store(other, 2).await;
    let second = f.store(mine, 2).await;
    f.project(&[unrelated, second.clone()]);
    assert_eq!(next(&mut subscription).await, second.position);
    nothing_more(&mut subscription).await;
}

#[tokio::test]
async fn only_what_the_read_models_include_is_replayed() {
    let f = fixture(16).await;
    let start = f.live.views.applied();
    let included = f.store(Uuid::new_v4(), 1).await;
    let pending = f.store(Uuid::new_v4(), 1).await;
    f.applied.send_replace(included.position);
    let mut subscription = f.live.subscribe(Scope::Kitchen, Some(start));
    assert_eq!(next(&mut subscription).await, included.position);
    nothing_more(&mut subscription).await;

    f.project(std::slice::from_ref(&pending));
    assert_eq!(next(&mut subscription).await, pending.position);
}

#[tokio::test]
async fn subscriptions_end_when_the_feed_closes() {
    let f = fixture(16).await;
    let mut open = f.live.subscribe(Scope::Kitchen, None);
    let waiting = tokio::spawn(async move { open.next().await.unwrap() });
    f.live.feed.close();
    let ended = timeout(WAIT, waiting).await.expect("ended in time");
    assert_eq!(ended.unwrap(), None);
    let mut later = f.live.subscribe(Scope::Kitchen, Some(0));
    assert_eq!(timeout(WAIT, later.next()).await.unwrap().unwrap(), None);
}
