//! [`Metrics`]: counts every request by type and outcome status, times it in a
//! histogram, and counts published events and failing event handlers, in a shared
//! [`MetricsRegistry`] the server renders for Prometheus.

use super::trace::kind_name;
use crate::type_map::TypeMap;
use crate::{Answer, Behavior, Context, EventRef, Next, NextEvent, PublishReport, Request};
use std::any::TypeId;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant};

/// Records into a [`MetricsRegistry`]: per request type, the count of each outcome
/// status and a duration histogram; per event type, publications and handler
/// failures. Cheap to clone; clones share the registry.
///
/// Put it outside [`Caching`](crate::Caching), so that cache hits count as requests.
#[derive(Debug, Clone)]
pub struct Metrics {
    registry: Arc<MetricsRegistry>,
}

impl Metrics {
    /// Records into `registry`; keep a clone of it to render the metrics.
    pub fn new(registry: Arc<MetricsRegistry>) -> Self {
        Self { registry }
    }

    /// The registry this records into.
    pub fn registry(&self) -> &Arc<MetricsRegistry> {
        &self.registry
    }
}

impl Behavior for Metrics {
    async fn handle<R: Request>(&self, req: R, ctx: &mut Context, next: impl Next<R>) -> Answer<R> {
        let started = Instant::now();
        let outcome = next.run(req, ctx).await;
        let status = match &outcome {
            Ok(done) => done.code(),
            Err(problem) => problem.code(),
        };
        self.registry.record_request::<R>(status, started.elapsed());
        outcome
    }

    async fn handle_event<N: NextEvent>(&self, event: EventRef<'_>, next: N) -> PublishReport {
        let report = next.run(event).await;
        self.registry.record_event(&event, &report);
        report
    }
}

/// Every status code a request can end with, in rendering order.
pub(super) const STATUS_CODES: [u16; 14] = [
    200, 201, 202, 204, 400, 401, 403, 404, 409, 413, 422, 429, 500, 503,
];

/// Upper bounds of the duration histogram's buckets, in nanoseconds and as rendered.
pub(super) const BUCKETS: [(u64, &str); 12] = [
    (1_000_000, "0.001"),
    (2_500_000, "0.0025"),
    (5_000_000, "0.005"),
    (10_000_000, "0.01"),
    (25_000_000, "0.025"),
    (50_000_000, "0.05"),
    (100_000_000, "0.1"),
    (250_000_000, "0.25"),
    (500_000_000, "0.5"),
    (1_000_000_000, "1"),
    (2_500_000_000, "2.5"),
    (5_000_000_000, "5"),
];

/// The metrics of every request and event type seen so far. Shared (`Arc`) between
/// the [`Metrics`] behavior and whoever renders it; recording takes a read lock and a
/// few atomic adds, the write lock only the first time a type is seen. Render it with
/// [`render_prometheus`](Self::render_prometheus).
#[derive(Debug, Default)]
pub struct MetricsRegistry {
    pub(super) requests: RwLock<TypeMap<RequestMetrics>>,
    pub(super) events: RwLock<TypeMap<EventMetrics>>,
}

/// The counters of one request type.
#[derive(Debug)]
pub(super) struct RequestMetrics {
    pub(super) name: &'static str,
    pub(super) kind: &'static str,
    /// One counter per entry of `STATUS_CODES`.
    pub(super) outcomes: [AtomicU64; STATUS_CODES.len()],
    /// One counter per bucket (not cumulative), then one for longer durations.
    pub(super) buckets: [AtomicU64; BUCKETS.len() + 1],
    pub(super) sum_nanos: AtomicU64,
}

/// The counters of one event type.
#[derive(Debug)]
pub(super) struct EventMetrics {
    pub(super) name: &'static str,
    pub(super) published: AtomicU64,
    /// `(handler, failures)`; handlers fail rarely, so a plain lock will do.
    pub(super) failures: Mutex<Vec<(&'static str, u64)>>,
}

impl MetricsRegistry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts one request of type `R` that ended with `status` after `elapsed`.
    pub fn record_request<R: Request>(&self, status: u16, elapsed: Duration) {
        let id = TypeId::of::<R>();
        if let Some(metrics) = read(&self.requests).get(&id) {
            metrics.record(status, elapsed);
            return;
        }
        let mut requests = self
            .requests
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        let metrics = requests.entry(id).or_insert_with(|| RequestMetrics {
            name: R::name(),
            kind: kind_name(R::KIND),
            outcomes: Default::default(),
            buckets: Default::default(),
            sum_nanos: AtomicU64::new(0),
        });
        metrics.record(status, elapsed);
    }

    /// Counts one publication of `event` and each handler failure in `report`.
    pub fn record_event(&self, event: &EventRef<'_>, report: &PublishReport) {
        let id = event.type_id();
        if let Some(metrics) = read(&self.events).get(&id) {
            metrics.record(report);
            return;
        }
        let mut events = self.events.write().unwrap_or_else(PoisonError::into_inner);
        let metrics = events.entry(id).or_insert_with(|| EventMetrics {
            name: event.name(),
            published: AtomicU64::new(0),
            failures: Mutex::new(Vec::new()),
        });
        metrics.record(report);
    }
}

impl RequestMetrics {
    fn record(&self, status: u16, elapsed: Duration) {
        if let Some(slot) = STATUS_CODES.iter().position(|&code| code == status) {
            self.outcomes[slot].fetch_add(1, Ordering::Relaxed);
        }
        let nanos = u64::try_from(elapsed.as_nanos()).unwrap_or(u64::MAX);
        let bucket = BUCKETS
            .iter()
            .position(|&(bound, _)| nanos <= bound)
            .unwrap_or(BUCKETS.len());
        self.buckets[bucket].fetch_add(1, Ordering::Relaxed);
        self.sum_nanos.fetch_add(nanos, Ordering::Relaxed);
    }
}

impl EventMetrics {
    fn record(&self, report: &PublishReport) {
        self.published.fetch_add(1, Ordering::Relaxed);
        if report.failed.is_empty() {
            return;
        }
        let mut failures = self.failures.lock().unwrap_or_else(PoisonError::into_inner);
        for failure in &report.failed {
            match failures
                .iter_mut()
                .find(|(name, _)| *name == failure.handler)
            {
                Some((_, count)) => *count += 1,
                None => failures.push((failure.handler, 1)),
            }
        }
    }
}

// Counters stay valid whatever panicked while a lock was held: no poisoning.
pub(super) fn read<T>(lock: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    lock.read().unwrap_or_else(PoisonError::into_inner)
}
