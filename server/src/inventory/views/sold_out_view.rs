//! `SoldOutView`: the pizzas that cannot be made now (table `sold_out_view`), which
//! `GetMenu` leaves out (or marks, with `include_unavailable`).
//!
//! - `PizzaSoldOut`: the pizza is listed.
//! - `PizzaBackInStock`: it is not.
//! - `StockSet`: nothing (the flips it causes are events of their own).

use crate::db::{DbError, Tx};
use crate::inventory::InventoryEvent;
use crate::projections::View;

/// Keeps `sold_out_view` up to date.
pub(crate) struct SoldOutView;

impl View for SoldOutView {
    type Event = InventoryEvent;
    const NAME: &'static str = "sold_out_view";

    async fn on(&self, tx: &mut Tx, _position: i64, event: InventoryEvent) -> Result<(), DbError> {
        let statement = match &event {
            InventoryEvent::PizzaSoldOut(e) => Some((
                "INSERT INTO sold_out_view (pizza_id) VALUES ($1) \
                 ON CONFLICT (pizza_id) DO NOTHING",
                &e.pizza_id,
            )),
            InventoryEvent::PizzaBackInStock(e) => {
                Some(("DELETE FROM sold_out_view WHERE pizza_id = $1", &e.pizza_id))
            }
            InventoryEvent::StockSet(_) => None,
        };
        if let Some((sql, pizza_id)) = statement {
            sqlx::query(sql).bind(pizza_id).execute(&mut **tx).await?;
        }
        Ok(())
    }
}
