//! The event store and what reads it: every state change appends domain events in the
//! same transaction (outbox); the projector turns them, in global order, into the read
//! models queries are served from.

pub(crate) mod correlation;
mod record;
mod store;

pub(crate) use correlation::{Correlate, at_the_edge, correlation_id};
pub(crate) use record::record;
pub(crate) use store::{
    DomainEvent, EventRow, StoredEvent, append, head, lock_for_append, now, read_after,
    stream_version,
};
#[cfg(test)]
pub(crate) use store::{PAYLOAD_VERSION, encode};
