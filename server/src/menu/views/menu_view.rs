//! `MenuView`: the menu as customers see it, one row per pizza (table `menu_view`), read
//! by `GetMenu`. The menu events carry the pizza's whole state, so:
//!
//! - `PizzaAdded`, `PizzaUpdated`: upsert the pizza as the event describes it.
//! - `PizzaRemoved`: delete it.

use crate::db::{DbError, Tx};
use crate::menu::{MenuEvent, PizzaAdded, PizzaState, PizzaUpdated};
use crate::projections::View;

/// Keeps `menu_view` up to date.
pub(crate) struct MenuView;

impl View for MenuView {
    type Event = MenuEvent;
    const NAME: &'static str = "menu_view";

    async fn on(&self, tx: &mut Tx, _position: i64, event: MenuEvent) -> Result<(), DbError> {
        match event {
            MenuEvent::PizzaAdded(PizzaAdded { pizza, .. })
            | MenuEvent::PizzaUpdated(PizzaUpdated { pizza, .. }) => upsert(tx, &pizza).await,
            MenuEvent::PizzaRemoved(removed) => {
                sqlx::query("DELETE FROM menu_view WHERE pizza_id = $1")
                    .bind(removed.pizza_id)
                    .execute(&mut **tx)
                    .await?;
                Ok(())
            }
        }
    }
}

async fn upsert(tx: &mut Tx, pizza: &PizzaState) -> Result<(), DbError> {
    let toppings = serde_json::to_string(&pizza.toppings).unwrap_or_else(|_| "[]".into());
    sqlx::query(
        "INSERT INTO menu_view (pizza_id, name, description, base_price, category, toppings, \
         preparation_minutes, available, sort_order, seasonal) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT (pizza_id) DO UPDATE SET name = excluded.name, \
         description = excluded.description, base_price = excluded.base_price, \
         category = excluded.category, toppings = excluded.toppings, \
         preparation_minutes = excluded.preparation_minutes, available = excluded.available, \
         sort_order = excluded.sort_order, seasonal = excluded.seasonal",
    )
    .bind(&pizza.pizza_id)
    .bind(&pizza.name)
    .bind(&pizza.description)
    .bind(pizza.base_price.to_string())
    .bind(&pizza.category)
    .bind(toppings)
    .bind(i64::from(pizza.preparation_minutes))
    .bind(i64::from(pizza.available))
    .bind(pizza.sort_order)
    .bind(i64::from(pizza.seasonal))
    .execute(&mut **tx)
    .await?;
    Ok(())
}
