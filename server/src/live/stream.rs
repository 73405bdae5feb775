//! One client's stream of order updates, from a position on: what the client missed is
//! replayed from the event store, then live updates follow, with no update lost or
//! sent twice and positions strictly increasing.
//!
//! The order of steps is what makes that hold. A subscription subscribes to the
//! [`LiveFeed`] first, then notes how far the read models are (the projector publishes a
//! batch only after advancing that position). Everything up to there is replayed from
//! the store; the feed then carries everything after it, and any position at or before
//! the cursor is skipped. A stream that falls behind the feed (`Lagged`) catches up from
//! the store the same way, rather than dropping updates.

use crate::db::DbError;
use crate::live::feed::{LiveFeed, update_of};
use crate::live::replay::stored_between;
use crate::orders::order_stream;
use crate::projections::ProjectionWatch;
use app::contracts::OrderUpdate;
use futures_util::Stream;
use sqlx::AnyPool;
use std::collections::VecDeque;
use tokio::sync::broadcast::error::RecvError;
use tokio::sync::{broadcast, watch};
use uuid::Uuid;

/// Events read from the store per query while replaying.
const REPLAY_BATCH: i64 = 500;

/// Which orders a stream follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Every order: the kitchen's stream.
    Kitchen,
    /// One order.
    Order(Uuid),
}

impl Scope {
    fn includes(self, update: &OrderUpdate) -> bool {
        match self {
            Scope::Kitchen => true,
            Scope::Order(order_id) => update.order_id == order_id,
        }
    }
}

/// What streams are opened from: the feed, and the store and projector position to
/// replay from. Cheap to clone.
#[derive(Debug, Clone)]
pub(crate) struct LiveUpdates {
    pub feed: LiveFeed,
    pub pool: AnyPool,
    pub views: ProjectionWatch,
}

impl LiveUpdates {
    /// Follows `scope` from after `after`, or from the read models' current position
    /// (only what happens from now on) when `None`.
    pub fn subscribe(&self, scope: Scope, after: Option<i64>) -> Subscription {
        let (live, closing) = self.feed.subscribe();
        // After subscribing: whatever the feed published before is included here.
        let applied = self.views.applied();
        Subscription {
            live,
            closing,
            pool: self.pool.clone(),
            views: self.views.clone(),
            scope,
            cursor: after.unwrap_or(applied),
            replay_to: Some(applied),
            replayed: VecDeque::new(),
        }
    }
}

/// An open stream of updates; see the module documentation for its guarantees.
pub(crate) struct Subscription {
    live: broadcast::Receiver<OrderUpdate>,
    closing: watch::Receiver<bool>,
    pool: AnyPool,
    views: ProjectionWatch,
    scope: Scope,
    /// Every update at or before this position was sent or is out of scope.
    cursor: i64,
    /// While replaying from the store: the position to reach.
    replay_to: Option<i64>,
    /// Replayed updates not yet sent.
    replayed: VecDeque<OrderUpdate>,
}

impl Subscription {
    /// The next update; `None` once the server shuts down.
    pub async fn next(&mut self) -> Result<Option<OrderUpdate>, DbError> {
        loop {
            if *self.closing.borrow() {
                return Ok(None);
            }
            if let Some(update) = self.replayed.pop_front() {
                return Ok(Some(update));
            }
            if let Some(target) = self.replay_to {
                if self.cursor < target {
                    self.replay(target).await?;
                    continue;
                }
                self.replay_to = None;
            }
            tokio::select! {
                biased;
                _ = self.closing.wait_for(|closing| *closing) => return Ok(None),
                received = self.live.recv() => match received {
                    Ok(update) if update.position > self.cursor => {
                        self.cursor = update.position;
                        if self.scope.includes(&update) {
                            return Ok(Some(update));
                        }
                    }
                    // Replayed already.
                    Ok(_) => {}
                    Err(RecvError::Lagged(missed)) => {
                        tracing::debug!(missed, "a live stream fell behind; replaying");
                        // The projector advances its position before publishing, so this
                        // covers every update the feed dropped.
                        self.replay_to = Some(self.views.applied());
                    }
                    Err(RecvError::Closed) => return Ok(None),
                },
            }
        }
    }

    /// Reads the next batch of stored events up to `target` into `replayed`.
    async fn replay(&mut self, target: i64) -> Result<(), DbError> {
        let stream = match self.scope {
            Scope::Kitchen => None,
            Scope::Order(order_id) => Some(order_stream(order_id)),
        };
        let events = stored_between(
            &self.pool,
            stream.as_deref(),
            self.cursor,
            target,
            REPLAY_BATCH,
        )
        .await?;
        for event in &events {
            if let Some(update) = update_of(event)?.filter(|u| self.scope.includes(u)) {
                self.replayed.push_back(update);
            }
        }
        self.cursor = match events.last() {
            Some(last) if events.len() as i64 == REPLAY_BATCH => last.position,
            _ => target,
        };
        Ok(())
    }

    /// The updates as a stream that ends at shutdown. A database failure while
    /// replaying is logged and ends it too; the client reconnects with the id of the
    /// last update it got and resumes from there.
    pub fn into_stream(self) -> impl Stream<Item = OrderUpdate> + Send {
        futures_util::stream::unfold(self, |mut subscription| async move {
            match subscription.next().await {
                Ok(Some(update)) => Some((update, subscription)),
                Ok(None) => None,
                Err(error) => {
                    tracing::error!(%error, "a live stream failed; ending it");
                    None
                }
            }
        })
    }
}

#[cfg(test)]
mod tests;
