//! The stored menu (write model): loading pizzas from the `pizzas` table, which
//! `PlaceOrder` prices orders from. Customers' menu reads go to `menu_view` instead.

use crate::db::DbError;
use crate::menu::PizzaState;
use crate::menu::store::{COLUMNS, PizzaRow, StoredPizza};
use rust_decimal::Decimal;
use sqlx::{Any, Executor};

/// A pizza as the write side knows it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Pizza {
    pub id: String,
    pub name: String,
    pub description: String,
    pub base_price: Decimal,
    pub category: String,
    pub toppings: Vec<String>,
    pub preparation_minutes: u32,
    pub available: bool,
}

/// Every pizza, available or not, in menu order.
pub(crate) async fn load_menu<'e>(
    db: impl Executor<'e, Database = Any>,
) -> Result<Vec<Pizza>, DbError> {
    let rows: Vec<PizzaRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM pizzas ORDER BY sort_order, id"
    ))
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|row| Ok(Pizza::from(StoredPizza::try_from(row)?.state)))
        .collect()
}

impl From<PizzaState> for Pizza {
    fn from(pizza: PizzaState) -> Self {
        Pizza {
            id: pizza.pizza_id,
            name: pizza.name,
            description: pizza.description,
            base_price: pizza.base_price,
            category: pizza.category,
            toppings: pizza.toppings,
            preparation_minutes: pizza.preparation_minutes,
            available: pizza.available,
        }
    }
}
