//! The stored menu (write model): loading pizzas from the `pizzas` table, which
//! `PlaceOrder` prices orders from. Customers' menu reads go to `menu_view` instead.

use crate::db::DbError;
use crate::menu::PizzaState;
use crate::menu::store::{COLUMNS, PizzaRow, StoredPizza};
use sqlx::{Any, Executor};
use std::collections::BTreeSet;

/// The pizzas of the menu among `ids`, available or not; ids that name no pizza are
/// left out. Reads only what an order names: placing an order costs a row per pizza
/// ordered, not one per pizza on the menu.
pub(crate) async fn load_pizzas<'e, 'i>(
    db: impl Executor<'e, Database = Any>,
    ids: impl IntoIterator<Item = &'i str>,
) -> Result<Vec<PizzaState>, DbError> {
    let ids: BTreeSet<&str> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (1..=ids.len()).map(|n| format!("${n}")).collect();
    let sql = format!(
        "SELECT {COLUMNS} FROM pizzas WHERE id IN ({})",
        placeholders.join(", ")
    );
    let rows: Vec<PizzaRow> = ids
        .into_iter()
        .fold(sqlx::query_as(&sql), |query, id| query.bind(id))
        .fetch_all(db)
        .await?;
    rows.into_iter()
        .map(|row| Ok(StoredPizza::try_from(row)?.state))
        .collect()
}
