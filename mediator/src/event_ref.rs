//! [`EventRef`]: an event with its type erased, as the behaviors' event steps and the
//! publication of recorded events see it.

use crate::Event;
use std::any::{Any, TypeId};
use std::fmt;

/// An event on its way to its handlers, as behaviors see it. Event steps are not
/// generic over the event type (the mediator keeps one event pipeline for all of
/// them), so this carries the name and type, and downcasts to the event itself.
#[derive(Clone, Copy)]
pub struct EventRef<'a> {
    name: &'static str,
    id: TypeId,
    event: &'a (dyn Any + Send + Sync),
}

impl<'a> EventRef<'a> {
    /// Wraps an event.
    pub fn new<E: Event>(event: &'a E) -> Self {
        Self {
            name: E::name(),
            id: TypeId::of::<E>(),
            event,
        }
    }

    /// The event's [`Event::name`].
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The `TypeId` of the event type.
    pub fn type_id(&self) -> TypeId {
        self.id
    }

    /// Whether this is an `E`.
    pub fn is<E: Event>(&self) -> bool {
        self.id == TypeId::of::<E>()
    }

    /// The event, if it is an `E`.
    pub fn downcast_ref<E: Event>(&self) -> Option<&'a E> {
        self.event.downcast_ref()
    }
}

impl fmt::Debug for EventRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("EventRef").field(&self.name).finish()
    }
}
