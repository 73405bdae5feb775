//! [`TallyView`]: an [`OrderView`] that adds placed orders up and takes a cancelled one
//! back out. It remembers what each order added while the order can still be cancelled,
//! in its open-order tables, and forgets it once the order is delivered or cancelled.

use crate::db::{DbError, Tx};
use crate::orders::OrderEvent;
use crate::orders::views::{OrderView, PlaceRun, Placed};
use std::future::Future;

/// A read model of sums over orders that cancelled orders must not count in.
pub(crate) trait TallyView: Send + Sync + 'static {
    /// Its name, for logs and its checkpoint: its main table's.
    const NAME: &'static str;

    /// The tables it owns; a rebuild deletes their rows in this order.
    const TABLES: &'static [&'static str];

    /// Its open-order tables (among `TABLES`), each keyed by `order_id`.
    const OPEN_TABLES: &'static [&'static str];

    /// Adds up the orders of a run of `OrderPlaced` events at once, and remembers each.
    const PLACE: PlaceRun;

    /// Subtracts what the open order `order_id` added; nothing for one already forgotten.
    fn take_back(tx: &mut Tx, order_id: &str) -> impl Future<Output = Result<(), DbError>> + Send;
}

impl<V: TallyView> OrderView for V {
    const NAME: &'static str = <V as TallyView>::NAME;
    const TABLES: &'static [&'static str] = <V as TallyView>::TABLES;
    const PLACE: PlaceRun = <V as TallyView>::PLACE;

    async fn on(&self, tx: &mut Tx, position: i64, event: OrderEvent) -> Result<(), DbError> {
        match event {
            OrderEvent::OrderPlaced(order) => V::PLACE(tx, &Placed::one(position, order)).await,
            OrderEvent::OrderCancelled(cancelled) => {
                let order_id = cancelled.order_id.to_string();
                V::take_back(tx, &order_id).await?;
                forget::<V>(tx, &order_id).await
            }
            OrderEvent::OrderDelivered(delivered) => {
                forget::<V>(tx, &delivered.order_id.to_string()).await
            }
            OrderEvent::CookingStarted(_)
            | OrderEvent::PizzaReady(_)
            | OrderEvent::OrderReady(_)
            | OrderEvent::OrderOutForDelivery(_) => Ok(()),
        }
    }
}

/// Drops what the view remembered of an order that can no longer be cancelled.
async fn forget<V: TallyView>(tx: &mut Tx, order_id: &str) -> Result<(), DbError> {
    for table in V::OPEN_TABLES {
        let sql = format!("DELETE FROM {table} WHERE order_id = $1");
        sqlx::query(&sql).bind(order_id).execute(&mut **tx).await?;
    }
    Ok(())
}
