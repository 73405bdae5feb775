//! [`Caching`]: answers repeated queries from memory. Opt-in per query type, each with
//! its own TTL and capacity; the key is the query's value; only successes are stored;
//! and the events each query declares clear it once they are published, that is once
//! the write that raised them has committed.

use super::cache_store::{CacheFor, Invalidate, Lookup, TypedCache};
use crate::type_map::TypeMap;
use crate::{Behavior, Context, Event, EventRef, Handled, Next, NextEvent, PublishReport};
use crate::{Request, RequestKind};
use std::any::{Any, TypeId};
use std::hash::Hash;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long and how many answers of one query type are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CachePolicy {
    /// An answer older than this is read again.
    pub ttl: Duration,
    /// At most this many distinct queries are kept; the least recently used goes first.
    pub capacity: usize,
}

/// Where [`Caching`] reads the time, so tests can move it instead of sleeping.
pub trait Clock: Send + Sync + 'static {
    /// The current instant.
    fn now(&self) -> Instant;
}

/// The real clock: [`Instant::now`]. Server-side only: on wasm32-unknown-unknown
/// `Instant::now` compiles but panics.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Instant {
        Instant::now()
    }
}

/// Caches the successful answers of the query types it is configured for; every
/// other request passes straight through. Events declared with
/// [`invalidated_by`](Self::invalidated_by) clear the query's cache when published.
///
/// Add it as a plain behavior, not inside [`Only::queries`](crate::Only::queries):
/// it restricts itself to its query types already, and it must see events to
/// invalidate. Put it inside [`Tracing`](crate::Tracing) and
/// [`Metrics`](crate::Metrics) so hits are still traced and counted.
pub struct Caching {
    caches: TypeMap<Slot>,
    // Event type -> the query types it invalidates.
    invalidations: TypeMap<Vec<TypeId>>,
    clock: Arc<dyn Clock>,
}

/// One cached query type: `lookup` holds an `Arc<dyn CacheFor<Q>>`.
struct Slot {
    lookup: Box<dyn Any + Send + Sync>,
    invalidate: Arc<dyn Invalidate>,
}

impl Caching {
    /// Caches nothing until query types are added; reads the system clock.
    pub fn new() -> Self {
        Self::with_clock(SystemClock)
    }

    /// Like [`new`](Self::new), reading the time from `clock`.
    pub fn with_clock(clock: impl Clock) -> Self {
        Self {
            caches: TypeMap::default(),
            invalidations: TypeMap::default(),
            clock: Arc::new(clock),
        }
    }

    /// Caches the answers of query `Q` by its value, as `policy` says. Configuring
    /// `Q` again replaces its policy and empties its cache. Commands cannot be cached:
    /// a `Q` whose kind is `Command` fails to compile.
    pub fn query<Q>(mut self, policy: CachePolicy) -> Self
    where
        Q: Request + Hash + Eq + Clone,
        Q::Response: Clone,
    {
        const {
            assert!(
                matches!(Q::KIND, RequestKind::Query),
                "only queries can be cached"
            );
        }
        let cache = Arc::new(TypedCache::<Q>::new(policy.ttl, policy.capacity));
        let lookup: Arc<dyn CacheFor<Q>> = cache.clone();
        let slot = Slot {
            lookup: Box::new(lookup),
            invalidate: cache,
        };
        self.caches.insert(TypeId::of::<Q>(), slot);
        self
    }

    /// Clears the cache of query `Q` whenever an `E` is published (recorded events are
    /// published after their command commits). Any number of events per query.
    pub fn invalidated_by<Q: Request, E: Event>(mut self) -> Self {
        let queries = self.invalidations.entry(TypeId::of::<E>()).or_default();
        if !queries.contains(&TypeId::of::<Q>()) {
            queries.push(TypeId::of::<Q>());
        }
        self
    }

    fn cache_for<R: Request>(&self) -> Option<&dyn CacheFor<R>> {
        let slot = self.caches.get(&TypeId::of::<R>())?;
        let cache = slot.lookup.downcast_ref::<Arc<dyn CacheFor<R>>>()?;
        Some(cache.as_ref())
    }

    fn invalidate(&self, event: TypeId) {
        let queries = self.invalidations.get(&event).into_iter().flatten();
        for query in queries {
            if let Some(slot) = self.caches.get(query) {
                slot.invalidate.clear();
            }
        }
    }
}

impl Default for Caching {
    fn default() -> Self {
        Self::new()
    }
}

impl Behavior for Caching {
    fn handle<R: Request>(&self, req: R, ctx: &mut Context, next: impl Next<R>) -> impl Handled<R> {
        let cache = self.cache_for::<R>();
        async move {
            let Some(cache) = cache else {
                return next.run(req, ctx).await;
            };
            // The answer is computed after `now`, so storing it as of `now` can only
            // make it expire early, never late.
            let now = self.clock.now();
            match cache.lookup(&req, now) {
                Lookup::Hit(done) => Ok(done),
                Lookup::Miss(ticket) => {
                    let outcome = next.run(req, ctx).await;
                    if let Ok(done) = &outcome {
                        cache.store(ticket, done, now);
                    }
                    outcome
                }
            }
        }
    }

    async fn handle_event<N: NextEvent>(&self, event: EventRef<'_>, next: N) -> PublishReport {
        // After delivery, not before: a projection updated by a handler of this event
        // is then already current when the next read fills the cache again.
        let report = next.run(event).await;
        self.invalidate(event.type_id());
        report
    }
}
