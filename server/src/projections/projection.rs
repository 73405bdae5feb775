//! What a read model implements to be kept up to date by the projector.

use crate::db::{DbError, Tx};
use crate::events::StoredEvent;
use std::pin::Pin;

/// A boxed, sendable future (projections are stored as trait objects).
pub(crate) type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// One read model: its tables and how each event changes them.
///
/// `apply_all` runs inside the projector's transaction, together with the checkpoint
/// update, so each event is applied exactly once; a read model must ignore event types
/// it does not use. It must only read and write its own tables (never the write model),
/// so that a rebuild from the event log gives the same rows as live projection.
pub(crate) trait Projection: Send + Sync + 'static {
    /// Name for logs, and the name of its checkpoint.
    fn name(&self) -> &'static str;

    /// The tables this read model owns; a rebuild deletes their rows in this order.
    fn tables(&self) -> &'static [&'static str];

    /// Applies one event.
    fn apply<'a>(
        &'a self,
        tx: &'a mut Tx,
        event: &'a StoredEvent,
    ) -> BoxFuture<'a, Result<(), DbError>>;

    /// Applies `events`, in order, with the same result as [`Projection::apply`] on each.
    /// A read model overrides it to write a run of events in fewer statements. An error
    /// names the event refused (for a run written at once, its first event).
    fn apply_all<'a>(
        &'a self,
        tx: &'a mut Tx,
        events: &'a [StoredEvent],
    ) -> BoxFuture<'a, Result<(), DbError>> {
        Box::pin(async move {
            for event in events {
                self.apply(tx, event)
                    .await
                    .map_err(refused(self.name(), event.position))?;
            }
            Ok(())
        })
    }
}

/// Names the read model and the event position an error of `apply_all` comes from.
pub(crate) fn refused(view: &'static str, position: i64) -> impl FnOnce(DbError) -> DbError {
    move |error| DbError::Projection {
        view,
        position,
        source: Box::new(error),
    }
}
