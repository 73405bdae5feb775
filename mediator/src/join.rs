//! A minimal `join_all` for the concurrent publish strategy: a handful of boxed
//! futures polled together, results kept in input order. Small enough that it is not
//! worth a dependency on an executor-agnostic futures crate.

use crate::box_future::BoxFuture;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Polls every future until all are done; yields their outputs in input order.
pub(crate) struct JoinAll<'a, T> {
    slots: Vec<Slot<'a, T>>,
    pending: usize,
}

enum Slot<'a, T> {
    Running(BoxFuture<'a, T>),
    Done(T),
    Taken,
}

impl<'a, T> JoinAll<'a, T> {
    pub(crate) fn new(futures: impl IntoIterator<Item = BoxFuture<'a, T>>) -> Self {
        let slots: Vec<_> = futures.into_iter().map(Slot::Running).collect();
        Self {
            pending: slots.len(),
            slots,
        }
    }
}

// Every field is a boxed future or an output behind a `Vec`: nothing is pinned in place.
impl<T> Unpin for JoinAll<'_, T> {}

impl<T> Future for JoinAll<'_, T> {
    type Output = Vec<T>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Vec<T>> {
        let this = self.get_mut();
        // Every still-running future is polled on every wake-up: simple, and cheap for
        // the few handlers an event has.
        for slot in &mut this.slots {
            if let Slot::Running(future) = slot
                && let Poll::Ready(output) = future.as_mut().poll(cx)
            {
                *slot = Slot::Done(output);
                this.pending -= 1;
            }
        }
        if this.pending > 0 {
            return Poll::Pending;
        }
        let outputs = this
            .slots
            .iter_mut()
            .filter_map(|slot| match std::mem::replace(slot, Slot::Taken) {
                Slot::Done(output) => Some(output),
                Slot::Running(_) | Slot::Taken => None,
            })
            .collect();
        Poll::Ready(outputs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::task::Waker;

    /// Pending on its first poll, ready on the second.
    struct YieldOnce(bool);

    impl Future for YieldOnce {
        type Output = ();
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            if self.0 {
                return Poll::Ready(());
            }
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }

    #[test]
    fn every_future_starts_before_any_finishes_and_outputs_keep_their_order() {
        let started = std::sync::Mutex::new(Vec::new());
        let futures: Vec<BoxFuture<'_, usize>> = (0..3)
            .map(|index| -> BoxFuture<'_, usize> {
                let started = &started;
                Box::pin(async move {
                    started.lock().unwrap().push(index);
                    YieldOnce(false).await;
                    assert_eq!(started.lock().unwrap().len(), 3, "all started first");
                    index * 10
                })
            })
            .collect();
        let mut join = JoinAll::new(futures);
        let mut cx = Context::from_waker(Waker::noop());

        assert!(Pin::new(&mut join).poll(&mut cx).is_pending());
        assert_eq!(
            Pin::new(&mut join).poll(&mut cx),
            Poll::Ready(vec![0, 10, 20])
        );
    }
}
