//! The storage behind [`Caching`](crate::Caching): one bounded map per cached query
//! type, with TTL expiry on read and least-recently-used eviction when full. A
//! generation number, bumped by every invalidation, keeps an answer computed before
//! an invalidation from being stored after it.

use crate::{Done, Request};
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// What a lookup found: a fresh answer, or the right to store one later.
pub(crate) enum Lookup<R: Request> {
    Hit(Done<R::Response>),
    Miss(Ticket<R>),
}

/// Where to store the answer of a missed lookup, if no invalidation came in between.
pub(crate) struct Ticket<R> {
    key: R,
    generation: u64,
}

/// The cache of one query type, seen from the generic behavior, which knows nothing
/// of the `Hash` and `Clone` bounds that only cached types meet.
pub(crate) trait CacheFor<R: Request>: Send + Sync {
    fn lookup(&self, request: &R, now: Instant) -> Lookup<R>;
    fn store(&self, ticket: Ticket<R>, done: &Done<R::Response>, now: Instant);
}

/// Empties a cache, whatever its query type.
pub(crate) trait Invalidate: Send + Sync {
    fn clear(&self);
}

/// The cache of query type `Q`.
pub(crate) struct TypedCache<Q: Request> {
    ttl: Duration,
    capacity: usize,
    // One lock for the map and the generation, so that a store cannot slip between
    // an invalidation's bump and its clear.
    state: Mutex<State<Q>>,
}

struct State<Q: Request> {
    entries: HashMap<Q, Entry<Q::Response>>,
    generation: u64,
    clock_hand: u64,
}

struct Entry<T> {
    done: Done<T>,
    stored_at: Instant,
    last_used: u64,
}

impl<Q> TypedCache<Q>
where
    Q: Request + Hash + Eq + Clone,
    Q::Response: Clone,
{
    pub(crate) fn new(ttl: Duration, capacity: usize) -> Self {
        let state = State {
            entries: HashMap::new(),
            generation: 0,
            clock_hand: 0,
        };
        Self {
            ttl,
            capacity: capacity.max(1),
            state: Mutex::new(state),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State<Q>> {
        // A panic while holding the lock leaves at worst a stale entry, which TTL and
        // invalidation still remove: not worth poisoning every later read.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<Q> CacheFor<Q> for TypedCache<Q>
where
    Q: Request + Hash + Eq + Clone,
    Q::Response: Clone,
{
    fn lookup(&self, request: &Q, now: Instant) -> Lookup<Q> {
        let mut state = self.state();
        state.clock_hand += 1;
        let hand = state.clock_hand;
        match state.entries.get_mut(request) {
            Some(entry) if now.saturating_duration_since(entry.stored_at) < self.ttl => {
                entry.last_used = hand;
                return Lookup::Hit(entry.done.clone());
            }
            Some(_) => {
                state.entries.remove(request);
            }
            None => {}
        }
        let generation = state.generation;
        drop(state);
        Lookup::Miss(Ticket {
            key: request.clone(),
            generation,
        })
    }

    fn store(&self, ticket: Ticket<Q>, done: &Done<Q::Response>, now: Instant) {
        let mut state = self.state();
        if state.generation != ticket.generation {
            return;
        }
        if state.entries.len() >= self.capacity && !state.entries.contains_key(&ticket.key) {
            state.make_room(self.capacity, self.ttl, now);
        }
        state.clock_hand += 1;
        let entry = Entry {
            done: done.clone(),
            stored_at: now,
            last_used: state.clock_hand,
        };
        state.entries.insert(ticket.key, entry);
    }
}

impl<Q: Request + Hash + Eq + Clone> State<Q> {
    /// Frees one slot at least: drops every expired entry, else the least recently
    /// used. A scan, but only when the cache is full and a new key arrives.
    fn make_room(&mut self, capacity: usize, ttl: Duration, now: Instant) {
        self.entries
            .retain(|_, entry| now.saturating_duration_since(entry.stored_at) < ttl);
        if self.entries.len() < capacity {
            return;
        }
        let oldest = self
            .entries
            .iter()
            .min_by_key(|(_, entry)| entry.last_used)
            .map(|(key, _)| key.clone());
        if let Some(key) = oldest {
            self.entries.remove(&key);
        }
    }
}

impl<Q> Invalidate for TypedCache<Q>
where
    Q: Request + Hash + Eq + Clone,
    Q::Response: Clone,
{
    fn clear(&self) {
        let mut state = self.state();
        state.generation += 1;
        state.entries.clear();
    }
}
