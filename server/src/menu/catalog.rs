//! The stored menu (write model): loading pizzas from the `pizzas` table, which
//! `PlaceOrder` prices orders from. Customers' menu reads go to `menu_view` instead.

use crate::db::DbError;
use crate::menu::PizzaState;
use crate::menu::store::{COLUMNS, PizzaRow, StoredPizza};
use sqlx::{Any, Executor};

/// Every pizza, available or not, in menu order.
pub(crate) async fn load_menu<'e>(
    db: impl Executor<'e, Database = Any>,
) -> Result<Vec<PizzaState>, DbError> {
    let rows: Vec<PizzaRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM pizzas ORDER BY sort_order, id"
    ))
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|row| Ok(StoredPizza::try_from(row)?.state))
        .collect()
}
