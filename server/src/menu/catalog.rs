//! The stored menu (write model): loading pizzas from the `pizzas` table, which
//! `PlaceOrder` prices orders from. Customers' menu reads go to `menu_view` instead.

use crate::db::{DbError, decimal, json_list};
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

type PizzaRow = (String, String, String, String, String, String, i64, i64);

/// Every pizza, available or not, in menu order.
pub(crate) async fn load_menu<'e>(
    db: impl Executor<'e, Database = Any>,
) -> Result<Vec<Pizza>, DbError> {
    let rows: Vec<PizzaRow> = sqlx::query_as(
        "SELECT id, name, description, base_price, category, toppings, preparation_minutes, \
         available FROM pizzas ORDER BY sort_order, id",
    )
    .fetch_all(db)
    .await?;
    rows.into_iter().map(from_row).collect()
}

fn from_row(row: PizzaRow) -> Result<Pizza, DbError> {
    let (id, name, description, base_price, category, toppings, minutes, available) = row;
    Ok(Pizza {
        id,
        name,
        description,
        base_price: decimal("pizzas.base_price", &base_price)?,
        category,
        toppings: json_list("pizzas.toppings", &toppings)?,
        preparation_minutes: u32::try_from(minutes).map_err(|_| DbError::Corrupt {
            column: "pizzas.preparation_minutes",
            value: minutes.to_string(),
        })?,
        available: available != 0,
    })
}
