//! What a read model implements to be kept up to date by the projector.

use crate::db::{DbError, Tx};
use crate::events::StoredEvent;
use std::pin::Pin;

/// A boxed, sendable future (projections are stored as trait objects).
pub(crate) type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// One read model: its tables and how each event changes them.
///
/// `apply` runs inside the projector's transaction, together with the checkpoint update,
/// so it is applied exactly once per event; it must ignore event types it does not use.
/// It must only read and write its own tables (never the write model), so that a rebuild
/// from the event log gives the same rows as live projection.
pub(crate) trait Projection: Send + Sync + 'static {
    /// Name for logs.
    fn name(&self) -> &'static str;

    /// The tables this read model owns; a rebuild deletes their rows in this order.
    fn tables(&self) -> &'static [&'static str];

    /// Applies one event.
    fn apply<'a>(
        &'a self,
        tx: &'a mut Tx,
        event: &'a StoredEvent,
    ) -> BoxFuture<'a, Result<(), DbError>>;
}
