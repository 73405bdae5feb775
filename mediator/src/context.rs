//! [`Context`]: what travels with one `send` besides the request. The server puts the
//! caller's identity and correlation id in; handlers put domain events in, which the
//! mediator publishes only once the send has succeeded.

use crate::request::short_type_name;
use crate::{Event, EventRef};
use std::any::{Any, TypeId};
use std::fmt;
use std::sync::{Mutex, PoisonError};

/// Per-send context: typed extensions (caller identity, correlation id, ...) and the
/// domain events a handler records.
#[derive(Default)]
pub struct Context {
    // Boxed and created on first use: an empty context is one null pointer, cheap to
    // create, move into the send future and drop, which `send` does on every call.
    data: Option<Box<Data>>,
}

#[derive(Default)]
struct Data {
    // A handful of entries at most, so a scan beats hashing.
    extensions: Vec<Extension>,
    events: Vec<Box<dyn Recorded>>,
}

struct Extension {
    id: TypeId,
    name: &'static str,
    value: Box<dyn Any + Send + Sync>,
}

impl Context {
    /// An empty context; allocates nothing.
    pub fn new() -> Self {
        Self::default()
    }

    /// Stores a value, replacing any earlier value of the same type.
    pub fn insert<T: Send + Sync + 'static>(&mut self, value: T) {
        let id = TypeId::of::<T>();
        let value = Box::new(value);
        let extensions = &mut self.data_mut().extensions;
        match extensions.iter_mut().find(|extension| extension.id == id) {
            Some(extension) => extension.value = value,
            None => extensions.push(Extension {
                id,
                name: short_type_name::<T>(),
                value,
            }),
        }
    }

    /// [`insert`](Self::insert), for building a context in one expression.
    pub fn with<T: Send + Sync + 'static>(mut self, value: T) -> Self {
        self.insert(value);
        self
    }

    /// The stored value of type `T`, if any.
    pub fn get<T: 'static>(&self) -> Option<&T> {
        let id = TypeId::of::<T>();
        let extensions = &self.data.as_ref()?.extensions;
        let extension = extensions.iter().find(|extension| extension.id == id)?;
        extension.value.downcast_ref()
    }

    /// The stored value of type `T`, mutably, if any.
    pub fn get_mut<T: 'static>(&mut self) -> Option<&mut T> {
        let id = TypeId::of::<T>();
        let extensions = &mut self.data.as_mut()?.extensions;
        let extension = extensions.iter_mut().find(|extension| extension.id == id)?;
        extension.value.downcast_mut()
    }

    /// Removes the stored value of type `T` and returns it, if any.
    pub fn take<T: 'static>(&mut self) -> Option<T> {
        let id = TypeId::of::<T>();
        let extensions = &mut self.data.as_mut()?.extensions;
        let index = extensions.iter().position(|extension| extension.id == id)?;
        let value = extensions.swap_remove(index).value.downcast::<T>().ok()?;
        Some(*value)
    }

    /// The open transaction of type `T` that
    /// [`Transactional`](crate::Transactional) began for this command, if any.
    /// Writes made through it commit or roll back with the command.
    pub fn transaction<T: Send + 'static>(&mut self) -> Option<&mut T> {
        let slot = self.get_mut::<TransactionSlot<T>>()?;
        Some(slot.0.get_mut().unwrap_or_else(PoisonError::into_inner))
    }

    pub(crate) fn begin_transaction<T: Send + 'static>(&mut self, tx: T) {
        self.insert(TransactionSlot(Mutex::new(tx)));
    }

    pub(crate) fn end_transaction<T: Send + 'static>(&mut self) -> Option<T> {
        let slot = self.take::<TransactionSlot<T>>()?;
        Some(slot.0.into_inner().unwrap_or_else(PoisonError::into_inner))
    }

    /// Queues an event. It is published after the send returns `Ok`, in recording
    /// order, and dropped if the send returns a problem: a failed command leaves no trace.
    pub fn record<E: Event>(&mut self, event: E) {
        self.data_mut().events.push(Box::new(event));
    }

    /// How many recorded events wait for the send to finish.
    pub fn pending_events(&self) -> usize {
        self.data.as_ref().map_or(0, |data| data.events.len())
    }

    /// Drops the events recorded after the first `len`: those of a rolled-back
    /// transaction must not be published even if an outer behavior recovers.
    pub(crate) fn truncate_events(&mut self, len: usize) {
        if let Some(data) = &mut self.data {
            data.events.truncate(len);
        }
    }

    pub(crate) fn take_events(&mut self) -> Vec<Box<dyn Recorded>> {
        self.data
            .as_mut()
            .map(|data| std::mem::take(&mut data.events))
            .unwrap_or_default()
    }

    fn data_mut(&mut self) -> &mut Data {
        self.data.get_or_insert_with(Box::default)
    }
}

impl fmt::Debug for Context {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (extensions, events): (Vec<&str>, Vec<&str>) = match &self.data {
            Some(data) => (
                data.extensions.iter().map(|e| e.name).collect(),
                data.events.iter().map(|e| e.event().name()).collect(),
            ),
            None => (Vec::new(), Vec::new()),
        };
        f.debug_struct("Context")
            .field("extensions", &extensions)
            .field("pending_events", &events)
            .finish()
    }
}

/// Holds a transaction in the context. Transactions (a database connection) are often
/// `Send` but not `Sync`, while every extension must be `Sync`; a `Mutex` is `Sync`
/// for any `Send` value, and it is never locked: access goes through `&mut`.
struct TransactionSlot<T>(Mutex<T>);

/// A recorded event with its type erased, so one queue holds events of every type.
/// The mediator publishes it through the [`EventRef`] it lends; the context itself
/// knows nothing of publication.
pub(crate) trait Recorded: Send + Sync {
    fn event(&self) -> EventRef<'_>;
}

impl<E: Event> Recorded for E {
    fn event(&self) -> EventRef<'_> {
        EventRef::new(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct CallerId(u32);

    #[derive(Clone)]
    struct Happened;
    impl Event for Happened {}

    #[test]
    fn a_later_insert_replaces_the_earlier_value() {
        let mut ctx = Context::new().with(CallerId(1));
        ctx.insert(CallerId(2));
        assert_eq!(ctx.get::<CallerId>(), Some(&CallerId(2)));
        assert_eq!(ctx.get::<String>(), None);
    }

    #[test]
    fn recorded_events_wait_and_show_in_debug() {
        let mut ctx = Context::new();
        ctx.record(Happened);
        ctx.record(Happened);
        assert_eq!(ctx.pending_events(), 2);
        assert!(format!("{ctx:?}").contains("Happened"));
    }

    #[test]
    fn a_taken_value_is_gone_and_a_mutated_one_stays_changed() {
        let mut ctx = Context::new().with(CallerId(1)).with(String::from("a"));
        if let Some(caller) = ctx.get_mut::<CallerId>() {
            caller.0 = 5;
        }
        assert_eq!(ctx.take::<CallerId>(), Some(CallerId(5)));
        assert_eq!(ctx.take::<CallerId>(), None);
        assert_eq!(ctx.get::<String>().map(String::as_str), Some("a"));
    }

    #[test]
    fn a_transaction_is_reachable_mutably_until_it_ends() {
        // `Cell` is `Send` but not `Sync`, like a database connection.
        let mut ctx = Context::new();
        ctx.begin_transaction(std::cell::Cell::new(1));
        if let Some(tx) = ctx.transaction::<std::cell::Cell<i32>>() {
            tx.set(2);
        }
        let tx = ctx.end_transaction::<std::cell::Cell<i32>>();
        assert_eq!(tx.map(std::cell::Cell::into_inner), Some(2));
        assert!(ctx.transaction::<std::cell::Cell<i32>>().is_none());
    }

    #[test]
    fn truncating_events_keeps_the_earlier_ones() {
        let mut ctx = Context::new();
        ctx.record(Happened);
        ctx.record(Happened);
        ctx.record(Happened);
        ctx.truncate_events(1);
        assert_eq!(ctx.pending_events(), 1);
    }

    #[test]
    fn a_context_can_cross_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Context>();
    }
}
