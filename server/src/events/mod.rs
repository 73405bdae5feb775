//! The event store and what reads it: every state change appends domain events in the
//! same transaction (outbox); the projector turns them, in global order, into the read
//! models queries are served from.

mod store;

pub(crate) use store::{DomainEvent, StoredEvent, append, head, now, read_after, stream_version};
