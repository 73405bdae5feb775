//! `MenuView`: the menu as customers see it, one row per pizza (table `menu_view`), read
//! by `GetMenu`. The menu events carry the pizza's whole state, so:
//!
//! - `PizzaAdded`, `PizzaUpdated`: upsert the pizza as the event describes it.
//! - `PizzaRemoved`: delete it.

use crate::db::{DbError, Tx};
use crate::events::StoredEvent;
use crate::menu::{PizzaAdded, PizzaRemoved, PizzaState, PizzaUpdated};
use crate::projections::{BoxFuture, Projection};

/// Keeps `menu_view` up to date.
pub(crate) struct MenuView;

impl Projection for MenuView {
    fn name(&self) -> &'static str {
        "menu_view"
    }

    fn tables(&self) -> &'static [&'static str] {
        &["menu_view"]
    }

    fn apply<'a>(
        &'a self,
        tx: &'a mut Tx,
        event: &'a StoredEvent,
    ) -> BoxFuture<'a, Result<(), DbError>> {
        Box::pin(async move {
            if let Some(added) = event.decode::<PizzaAdded>() {
                upsert(tx, &added?.pizza).await
            } else if let Some(updated) = event.decode::<PizzaUpdated>() {
                upsert(tx, &updated?.pizza).await
            } else if let Some(removed) = event.decode::<PizzaRemoved>() {
                sqlx::query("DELETE FROM menu_view WHERE pizza_id = $1")
                    .bind(removed?.pizza_id)
                    .execute(&mut **tx)
                    .await?;
                Ok(())
            } else {
                Ok(())
            }
        })
    }
}

async fn upsert(tx: &mut Tx, pizza: &PizzaState) -> Result<(), DbError> {
    let toppings = serde_json::to_string(&pizza.toppings).unwrap_or_else(|_| "[]".into());
    sqlx::query(
        "INSERT INTO menu_view (pizza_id, name, description, base_price, category, toppings, \
         preparation_minutes, available, sort_order) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (pizza_id) DO UPDATE SET name = excluded.name, \
         description = excluded.description, base_price = excluded.base_price, \
         category = excluded.category, toppings = excluded.toppings, \
         preparation_minutes = excluded.preparation_minutes, available = excluded.available, \
         sort_order = excluded.sort_order",
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
    .execute(&mut **tx)
    .await?;
    Ok(())
}
