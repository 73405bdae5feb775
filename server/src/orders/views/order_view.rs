//! [`OrderView`]: a [`View`] of orders that writes each run of consecutive `OrderPlaced`
//! events at once (see `placed_runs.rs`); the projector's batches are mostly such runs.

use crate::db::{DbError, Tx};
use crate::events::StoredEvent;
use crate::orders::OrderEvent;
use crate::orders::views::{Placed, apply_in_runs};
use crate::projections::{BoxFuture, View};
use std::future::Future;

/// How an order view writes the orders of a run of `OrderPlaced` events at once.
pub(crate) type PlaceRun =
    for<'t> fn(&'t mut Tx, &'t [Placed]) -> BoxFuture<'t, Result<(), DbError>>;

/// A read model of orders. Each is a [`View`] of [`OrderEvent`] whose runs of placed
/// orders go to [`OrderView::PLACE`] in one go.
pub(crate) trait OrderView: Send + Sync + 'static {
    /// Its name, for logs and its checkpoint: its main table's.
    const NAME: &'static str;

    /// The tables it owns; a rebuild deletes their rows in this order.
    const TABLES: &'static [&'static str] = &[Self::NAME];

    /// Writes the orders of a run of `OrderPlaced` events at once.
    const PLACE: PlaceRun;

    /// Applies `event`, stored at `position`, with the same result as `PLACE` for an
    /// `OrderPlaced` on its own.
    fn on(
        &self,
        tx: &mut Tx,
        position: i64,
        event: OrderEvent,
    ) -> impl Future<Output = Result<(), DbError>> + Send;
}

impl<V: OrderView> View for V {
    type Event = OrderEvent;
    const NAME: &'static str = <V as OrderView>::NAME;
    const TABLES: &'static [&'static str] = <V as OrderView>::TABLES;

    fn on(
        &self,
        tx: &mut Tx,
        position: i64,
        event: OrderEvent,
    ) -> impl Future<Output = Result<(), DbError>> + Send {
        OrderView::on(self, tx, position, event)
    }

    fn on_all(
        &self,
        tx: &mut Tx,
        events: &[StoredEvent],
    ) -> impl Future<Output = Result<(), DbError>> + Send {
        apply_in_runs(self, tx, events, V::PLACE)
    }
}
