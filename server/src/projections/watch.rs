//! Read your own writes: a command reports the position of its last event, and a query
//! that asks for at least that position waits (bounded) until the projector got there.

use mediator::Problem;
use std::time::Duration;
use tokio::sync::watch;

/// The longest a query waits for the projector before answering 503.
pub(crate) const MAX_WAIT: Duration = Duration::from_secs(2);

/// The projector's progress, as queries see it. Cheap to clone.
#[derive(Debug, Clone)]
pub(crate) struct ProjectionWatch {
    applied: watch::Receiver<i64>,
}

impl ProjectionWatch {
    pub(crate) fn new(applied: watch::Receiver<i64>) -> Self {
        Self { applied }
    }

    /// Whether the projector still runs: it ended (or panicked) when this is false.
    pub fn running(&self) -> bool {
        self.applied.has_changed().is_ok()
    }

    /// Waits until the projector applies another batch; `false` once it stopped.
    pub(crate) async fn moved(&mut self) -> bool {
        self.applied.changed().await.is_ok()
    }

    /// The last position applied to every read model.
    pub fn applied(&self) -> i64 {
        *self.applied.borrow()
    }

    /// Returns once the read models include `position` (immediately for `None`), or a 503
    /// with `Retry-After` after [`MAX_WAIT`]: a reader is never shown data older than its
    /// own write.
    pub async fn wait_for(&self, position: Option<i64>) -> Result<(), Problem> {
        let Some(position) = position else {
            return Ok(());
        };
        let mut applied = self.applied.clone();
        let reached = tokio::time::timeout(MAX_WAIT, applied.wait_for(|&at| at >= position)).await;
        match reached {
            Ok(Ok(_)) => Ok(()),
            // Timed out, or the projector stopped: either way the view is not there yet.
            _ => Err(Problem::unavailable(
                "Your latest change is still being processed. Please try again in a moment.",
                Some(1),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_reached_position_answers_at_once_and_a_later_one_waits() {
        let (sender, receiver) = watch::channel(5);
        let watch = ProjectionWatch::new(receiver);
        watch.wait_for(Some(5)).await.unwrap();
        watch.wait_for(None).await.unwrap();
        let waiting = tokio::spawn({
            let watch = watch.clone();
            async move { watch.wait_for(Some(7)).await }
        });
        sender.send(7).unwrap();
        waiting.await.unwrap().unwrap();
    }

    #[tokio::test(start_paused = true)]
    async fn a_position_not_reached_in_time_is_a_503_with_retry_after() {
        let (_sender, receiver) = watch::channel(1);
        let problem = ProjectionWatch::new(receiver)
            .wait_for(Some(2))
            .await
            .unwrap_err();
        assert_eq!((problem.code(), problem.retry_after_secs), (503, Some(1)));
    }
}
