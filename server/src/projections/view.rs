//! [`View`]: how a read model is written. It names its tables and says what each event of
//! its aggregate does to them, with one `match` on the aggregate's event enum; every
//! [`View`] is a [`Projection`], decoding the stored events for it, so the frame around
//! the `match` is written once, here.

use crate::db::{DbError, Tx};
use crate::events::{DomainEvent, StoredEvent};
use crate::projections::{BoxFuture, Projection, refused};
use std::future::Future;

/// A read model fed by the events of one kind of aggregate.
pub(crate) trait View: Send + Sync + 'static {
    /// The events it reads (those of other aggregates pass it by).
    type Event: DomainEvent;

    /// Its name, for logs and its checkpoint: its main table's.
    const NAME: &'static str;

    /// The tables it owns; a rebuild deletes their rows in this order.
    const TABLES: &'static [&'static str] = &[Self::NAME];

    /// Applies `event`, stored at `position`.
    fn on(
        &self,
        tx: &mut Tx,
        position: i64,
        event: Self::Event,
    ) -> impl Future<Output = Result<(), DbError>> + Send;

    /// Applies `events`, in order, with the same result as [`View::on`] on each of its
    /// own. A view overrides it to write a run of events in fewer statements; an error
    /// names the event refused (for a run written at once, its first).
    fn on_all(
        &self,
        tx: &mut Tx,
        events: &[StoredEvent],
    ) -> impl Future<Output = Result<(), DbError>> + Send {
        async move {
            for event in events {
                on_stored(self, tx, event)
                    .await
                    .map_err(refused(Self::NAME, event.position))?;
            }
            Ok(())
        }
    }
}

/// Applies `event` to `view` when it is one of the view's aggregate's.
async fn on_stored<V: View + ?Sized>(
    view: &V,
    tx: &mut Tx,
    event: &StoredEvent,
) -> Result<(), DbError> {
    match event.decode::<V::Event>() {
        Some(decoded) => view.on(tx, event.position, decoded?).await,
        None => Ok(()),
    }
}

impl<V: View> Projection for V {
    fn name(&self) -> &'static str {
        V::NAME
    }

    fn tables(&self) -> &'static [&'static str] {
        V::TABLES
    }

    fn apply<'a>(
        &'a self,
        tx: &'a mut Tx,
        event: &'a StoredEvent,
    ) -> BoxFuture<'a, Result<(), DbError>> {
        Box::pin(on_stored(self, tx, event))
    }

    fn apply_all<'a>(
        &'a self,
        tx: &'a mut Tx,
        events: &'a [StoredEvent],
    ) -> BoxFuture<'a, Result<(), DbError>> {
        Box::pin(self.on_all(tx, events))
    }
}
