//! Streaming queries: a query whose answer is a stream of items rather than one value
//! (a live dashboard's updates, a large export). The stream is the query's
//! `Response`, so routing, behaviors and problems work as for any other query; the
//! items flow after the outcome is returned, outside the behaviors.

use std::pin::Pin;
use std::task::{self, Poll};

pub use futures_core::Stream;

/// The response of a streaming query: `type Response = ItemStream<OrderUpdate>;`.
pub type ItemStream<T> = Pin<Box<dyn Stream<Item = T> + Send>>;

/// A stream of the items of `items`, ready at once.
pub fn iter<I>(items: I) -> ItemStream<I::Item>
where
    I: IntoIterator,
    I::IntoIter: Send + 'static,
{
    Box::pin(Iter(items.into_iter()))
}

/// A stream whose next item comes from `poll_next`, for adapting a channel receiver
/// (`move |cx| receiver.poll_recv(cx)`) or any other source that can be polled.
pub fn poll_fn<T, F>(poll_next: F) -> ItemStream<T>
where
    F: FnMut(&mut task::Context<'_>) -> Poll<Option<T>> + Send + 'static,
{
    Box::pin(PollFn(poll_next))
}

/// Boxes any sendable stream as an [`ItemStream`].
pub fn boxed<S>(stream: S) -> ItemStream<S::Item>
where
    S: Stream + Send + 'static,
{
    Box::pin(stream)
}

struct Iter<I>(I);

// Holds an iterator, never a pinned future.
impl<I> Unpin for Iter<I> {}

impl<I: Iterator> Stream for Iter<I> {
    type Item = I::Item;

    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut task::Context<'_>) -> Poll<Option<I::Item>> {
        Poll::Ready(self.0.next())
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

struct PollFn<F>(F);

// Holds a closure, never a pinned future.
impl<F> Unpin for PollFn<F> {}

impl<T, F> Stream for PollFn<F>
where
    F: FnMut(&mut task::Context<'_>) -> Poll<Option<T>>,
{
    type Item = T;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut task::Context<'_>) -> Poll<Option<T>> {
        (self.0)(cx)
    }
}
