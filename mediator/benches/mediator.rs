//! The mediator's own overhead: dispatch, pass-through behaviors, event fan-out and a
//! cache hit, against calling the handler directly. Handlers never wait, so every
//! future is driven by `block_on` below, which polls once: executor cost stays out of
//! the figures, and `send/direct` uses the same driver for a fair comparison.
//!
//! Run with `cargo bench -p mediator`; results go in `mediator/BENCHMARKS.md`.

#![forbid(unsafe_code)]

use criterion::{Criterion, criterion_group, criterion_main};
use mediator::{
    Answer, Behavior, CachePolicy, Caching, Context, Done, Event, EventError, EventHandler,
};
use mediator::{Mediator, Next, Outcome, PublishStrategy, Request, RequestHandler, RequestKind};
use std::hint::black_box;
use std::pin::{Pin, pin};
use std::task::{Poll, Waker};
use std::time::Duration;

/// Polls `future` to completion with a waker that does nothing: enough for futures
/// that never wait, and far cheaper than any executor.
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = std::task::Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
    }
}

#[derive(Clone, PartialEq, Eq, Hash)]
struct GetItem {
    id: u64,
}

impl Request for GetItem {
    type Response = u64;
    const KIND: RequestKind = RequestKind::Query;
}

struct GetItemHandler;

impl RequestHandler<GetItem> for GetItemHandler {
    async fn handle(&self, request: GetItem, _ctx: &mut Context) -> Outcome<u64> {
        Ok(Done::ok(request.id + 1))
    }
}

#[derive(Clone)]
struct ItemSold {
    id: u64,
}

impl Event for ItemSold {}

struct CountSale;

impl EventHandler<ItemSold> for CountSale {
    async fn handle(&self, event: &ItemSold) -> Result<(), EventError> {
        black_box(event.id);
        Ok(())
    }
}

/// Does nothing but go on, to measure what one behavior layer costs.
struct PassThrough;

impl Behavior for PassThrough {
    async fn handle<R: Request>(&self, req: R, ctx: &mut Context, next: impl Next<R>) -> Answer<R> {
        next.run(req, ctx).await
    }
}

fn send(c: &mut Criterion) {
    let mut group = c.benchmark_group("send");
    group.bench_function("direct", |b| {
        let handler = GetItemHandler;
        b.iter(|| {
            let mut ctx = Context::new();
            block_on(handler.handle(GetItem { id: black_box(1) }, &mut ctx))
        });
    });

    // The floor for `send/mediator`: the same call with its future boxed, as the
    // type-erased dispatch must.
    group.bench_function("direct_boxed", |b| {
        let handler = GetItemHandler;
        b.iter(|| {
            let mut ctx = Context::new();
            let future: Pin<Box<dyn Future<Output = Outcome<u64>> + Send + '_>> =
                Box::pin(handler.handle(GetItem { id: black_box(1) }, &mut ctx));
            block_on(future)
        });
    });

    let plain = Mediator::builder()
        .handler::<GetItem, _>(GetItemHandler)
        .build()
        .expect("a valid setup");
    group.bench_function("mediator", |b| {
        b.iter(|| block_on(plain.send(GetItem { id: black_box(1) })));
    });

    let layered = Mediator::builder()
        .behavior(PassThrough)
        .behavior(PassThrough)
        .behavior(PassThrough)
        .behavior(PassThrough)
        .handler::<GetItem, _>(GetItemHandler)
        .build()
        .expect("a valid setup");
    group.bench_function("4_behaviors", |b| {
        b.iter(|| block_on(layered.send(GetItem { id: black_box(1) })));
    });
    group.finish();
}

fn three_handlers(strategy: PublishStrategy) -> Mediator {
    Mediator::builder()
        .publish_strategy(strategy)
        .event_handler::<ItemSold, _>(CountSale)
        .event_handler::<ItemSold, _>(CountSale)
        .event_handler::<ItemSold, _>(CountSale)
        .build()
        .expect("a valid setup")
}

fn publish(c: &mut Criterion) {
    let mut group = c.benchmark_group("publish");
    let sequential = three_handlers(PublishStrategy::Sequential);
    group.bench_function("3_handlers", |b| {
        b.iter(|| block_on(sequential.publish(ItemSold { id: black_box(1) })));
    });
    let concurrent = three_handlers(PublishStrategy::Concurrent);
    group.bench_function("3_handlers_concurrent", |b| {
        b.iter(|| block_on(concurrent.publish(ItemSold { id: black_box(1) })));
    });
    group.finish();
}

fn cache(c: &mut Criterion) {
    let policy = CachePolicy {
        ttl: Duration::from_secs(3600),
        capacity: 1024,
    };
    let mediator = Mediator::builder()
        .behavior(Caching::new().query::<GetItem>(policy))
        .handler::<GetItem, _>(GetItemHandler)
        .build()
        .expect("a valid setup");
    block_on(mediator.send(GetItem { id: 1 })).expect("a first answer to cache");

    let mut group = c.benchmark_group("cache");
    group.bench_function("hit", |b| {
        b.iter(|| block_on(mediator.send(GetItem { id: black_box(1) })));
    });
    group.finish();
}

criterion_group!(benches, send, publish, cache);
criterion_main!(benches);
