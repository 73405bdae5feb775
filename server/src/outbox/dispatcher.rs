//! [`Dispatcher`]: sends what the outbox holds, at least once. A moment after a
//! projector batch ([`GATHER`]; and at least every few seconds) it takes the messages
//! that are due, sends each through every channel (a published event: to the sink) and
//! records the outcome: `sent`, or another try after a delay
//! that doubles from [`RetryPolicy::first_delay`] up to [`RetryPolicy::longest_delay`],
//! or `dead` once [`RetryPolicy::attempts`] tries failed. A process stopped meanwhile
//! picks up where the table says when it starts again.

use crate::db::{DbError, Writer, timestamp};
use crate::outbox::channels::Channels;
use crate::outbox::messages::{Addressed, CLOUD_EVENT};
use crate::outbox::store::{Outcome, Pending, due, next_due, purge_sent, settle};
use crate::projections::ProjectionWatch;
use chrono::{DateTime, TimeDelta, Utc};
use sqlx::AnyPool;
use std::time::{Duration, Instant};

/// Messages taken at a time.
const BATCH: i64 = 100;
/// The longest the dispatcher sleeps without looking.
const IDLE: Duration = Duration::from_secs(5);
/// How long the dispatcher waits after a projector batch before it looks: under load
/// the batches come every few milliseconds, and each look ends in a write.
const GATHER: Duration = Duration::from_millis(200);
/// How often sent messages are purged.
const PURGE_EVERY: Duration = Duration::from_secs(3600);
/// How long a sent message is kept: longer than
/// [`TOO_LATE`](crate::outbox::projection::TOO_LATE), so that an event applied
/// again (a rebuild) finds its message and does not store it a second time.
const KEEP_SENT: TimeDelta = TimeDelta::days(2);

/// How failed sends are tried again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RetryPolicy {
    pub first_delay: Duration,
    pub longest_delay: Duration,
    /// Tries before a message is dead.
    pub attempts: i64,
}

impl Default for RetryPolicy {
    /// 2 s, 4 s, ... up to 10 min between tries, 12 tries: about an hour.
    fn default() -> Self {
        Self {
            first_delay: Duration::from_secs(2),
            longest_delay: Duration::from_secs(600),
            attempts: 12,
        }
    }
}

impl RetryPolicy {
    /// When to try again after the `failed`-th failure at `now`; `None` when that was
    /// the last try.
    pub(crate) fn retry_at(&self, failed: i64, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        if failed >= self.attempts {
            return None;
        }
        let doublings = u32::try_from(failed.saturating_sub(1).clamp(0, 30)).unwrap_or(30);
        let delay = self
            .first_delay
            .saturating_mul(1 << doublings)
            .min(self.longest_delay);
        Some(now + TimeDelta::from_std(delay).unwrap_or(TimeDelta::MAX))
    }
}

/// Sends the outbox's messages.
pub(crate) struct Dispatcher {
    pub pool: AnyPool,
    pub writer: Writer,
    pub channels: Channels,
    pub retry: RetryPolicy,
    /// Moves after each projector batch: new messages may be there.
    pub views: ProjectionWatch,
}

impl Dispatcher {
    /// Sends until the process ends.
    pub(crate) async fn run(mut self) {
        let mut purged_at: Option<Instant> = None;
        loop {
            if purged_at.is_none_or(|at| at.elapsed() >= PURGE_EVERY) {
                purged_at = Some(Instant::now());
                match purge_sent(&self.writer, Utc::now() - KEEP_SENT).await {
                    Ok(purged) => tracing::debug!(purged, "purged sent messages"),
                    Err(error) => tracing::warn!(%error, "purging sent messages failed"),
                }
            }
            if let Err(error) = self.send_due().await {
                tracing::warn!(%error, "sending the outbox failed; trying again shortly");
            }
            let wait = self.until_next_due().await;
            tokio::select! {
                () = tokio::time::sleep(wait) => {}
                moved = self.views.moved() => {
                    if moved {
                        // Gather what the next batches bring: one turn on the writer for
                        // many orders' messages, not one per batch.
                        tokio::time::sleep(GATHER).await;
                    } else {
                        // The projector stopped: nothing new will come but retries.
                        tokio::time::sleep(wait).await;
                    }
                }
            }
        }
    }

    /// Sends every message due now, a batch at a time; answers how many were sent.
    pub(crate) async fn send_due(&self) -> Result<usize, DbError> {
        let mut sent = 0;
        loop {
            let batch = due(&self.pool, Utc::now(), BATCH).await?;
            let mut settled = Vec::with_capacity(batch.len());
            for message in batch {
                let outcome = self.send(&message).await;
                sent += usize::from(outcome == Outcome::Sent);
                settled.push((message, outcome));
            }
            settle(&self.writer, &settled, Utc::now()).await?;
            if settled.len() < usize::try_from(BATCH).unwrap_or(usize::MAX) {
                return Ok(sent);
            }
        }
    }

    async fn send(&self, message: &Pending) -> Outcome {
        let sent = if message.kind == CLOUD_EVENT {
            self.channels.publish(&message.id, &message.body).await
        } else {
            let addressed: Addressed = serde_json::from_str(&message.body).unwrap_or_default();
            self.channels
                .send(&message.id, &addressed, &message.body)
                .await
        };
        match sent {
            Ok(()) => Outcome::Sent,
            Err(error) => {
                let failed = message.attempts + 1;
                let retry_at = self.retry.retry_at(failed, Utc::now());
                if retry_at.is_none() {
                    tracing::error!(id = message.id, %error, failed, "gave up sending a message");
                } else {
                    tracing::info!(id = message.id, %error, failed, "sending a message failed");
                }
                Outcome::Failed { error, retry_at }
            }
        }
    }

    /// How long until the next pending message is due, at most [`IDLE`].
    async fn until_next_due(&self) -> Duration {
        let Ok(Some(next)) = next_due(&self.pool).await else {
            return IDLE;
        };
        let Ok(next) = timestamp("outbox.next_attempt_at", &next) else {
            return IDLE;
        };
        (next - Utc::now()).to_std().unwrap_or_default().min(IDLE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_retry_waits_twice_as_long_up_to_the_longest_and_the_last_gives_up() {
        let policy = RetryPolicy {
            first_delay: Duration::from_secs(2),
            longest_delay: Duration::from_secs(10),
            attempts: 5,
        };
        let now = DateTime::UNIX_EPOCH;
        let waits: Vec<Option<i64>> = (1..=5)
            .map(|failed| {
                policy
                    .retry_at(failed, now)
                    .map(|at| (at - now).num_seconds())
            })
            .collect();
        assert_eq!(waits, [Some(2), Some(4), Some(8), Some(10), None]);
    }
}
