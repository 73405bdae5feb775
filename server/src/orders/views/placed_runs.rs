//! Batches of events as the order views write them: each run of consecutive
//! `OrderPlaced` events at once (a multi-row statement per table), every other event on
//! its own, in log order.

use crate::db::{DbError, Tx};
use crate::events::StoredEvent;
use crate::orders::{OrderEvent, OrderPlaced};
use crate::projections::{BoxFuture, View, refused};

/// An `OrderPlaced` event and its position in the log.
pub(crate) struct Placed {
    pub position: i64,
    pub order: OrderPlaced,
}

impl Placed {
    /// One placed order, for a view applying a single event.
    pub fn one(position: i64, order: OrderPlaced) -> [Placed; 1] {
        [Placed { position, order }]
    }
}

/// A row that several orders of a run add to (a customer's totals, a day's pizzas): the
/// run's rows for one key are summed first, since a multi-row upsert may not change one row
/// twice (PostgreSQL refuses).
pub(crate) trait Summed: Sized {
    /// Whether `other` is for the same row.
    fn same_row(&self, other: &Self) -> bool;
    /// Adds `later`, which comes after `self` in the log, to it.
    fn add(&mut self, later: Self);
}

/// Adds `row` to the row of `rows` with its key, or appends it.
pub(crate) fn add_row<T: Summed>(rows: &mut Vec<T>, row: T) {
    match rows.iter_mut().find(|known| known.same_row(&row)) {
        Some(known) => known.add(row),
        None => rows.push(row),
    }
}

/// Applies `events` to `view`: each run of `OrderPlaced` through `place`, every other
/// event of an order through `view.on`, so the outcome is that of applying them one by one.
pub(crate) async fn apply_in_runs<V, F>(
    view: &V,
    tx: &mut Tx,
    events: &[StoredEvent],
    place: F,
) -> Result<(), DbError>
where
    V: View<Event = OrderEvent>,
    F: for<'t> Fn(&'t mut Tx, &'t [Placed]) -> BoxFuture<'t, Result<(), DbError>> + Send + Sync,
{
    let mut run: Vec<Placed> = Vec::new();
    for event in events {
        let Some(decoded) = event.decode::<OrderEvent>() else {
            continue;
        };
        match decoded.map_err(refused(V::NAME, event.position))? {
            OrderEvent::OrderPlaced(order) => run.push(Placed {
                position: event.position,
                order,
            }),
            change => {
                place_run::<V, F>(tx, &mut run, &place).await?;
                view.on(tx, event.position, change)
                    .await
                    .map_err(refused(V::NAME, event.position))?;
            }
        }
    }
    place_run::<V, F>(tx, &mut run, &place).await
}

async fn place_run<V, F>(tx: &mut Tx, run: &mut Vec<Placed>, place: &F) -> Result<(), DbError>
where
    V: View,
    F: for<'t> Fn(&'t mut Tx, &'t [Placed]) -> BoxFuture<'t, Result<(), DbError>> + Send + Sync,
{
    let Some(first) = run.first().map(|placed| placed.position) else {
        return Ok(());
    };
    place(tx, run).await.map_err(refused(V::NAME, first))?;
    run.clear();
    Ok(())
}
