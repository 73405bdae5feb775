//! The menu's write model: `pizzas` rows with their version, read and written through a
//! command's (or the seed's) transaction. Menu commands and seeding write here and append
//! the matching event in the same transaction; menu queries read through `catalog`.
//!
//! A row's `version` is the version of its stream (`pizza-<id>`): an update or delete
//! matches the version it read, so of two concurrent commands on one pizza only the
//! first changes it and the other answers 409.

use crate::db::{DbError, Tx, count, decimal, json_list};
use crate::menu::PizzaState;
use mediator::Problem;

/// A pizza as stored, with the version of its stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StoredPizza {
    pub state: PizzaState,
    pub version: i64,
}

/// A `pizzas` row as selected with [`COLUMNS`].
#[derive(sqlx::FromRow)]
pub(super) struct PizzaRow {
    id: String,
    name: String,
    description: String,
    base_price: String,
    category: String,
    toppings: String,
    preparation_minutes: i64,
    available: i64,
    sort_order: i64,
    seasonal: i64,
    version: i64,
}

/// The columns a [`PizzaRow`] is selected with.
pub(super) const COLUMNS: &str = "id, name, description, base_price, category, toppings, \
                       preparation_minutes, available, sort_order, seasonal, version";

/// The pizza with that id, or `None`.
pub(crate) async fn find_pizza(tx: &mut Tx, id: &str) -> Result<Option<StoredPizza>, DbError> {
    let row: Option<PizzaRow> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM pizzas WHERE id = $1"))
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?;
    row.map(StoredPizza::try_from).transpose()
}

/// Every pizza whose stream holds no event yet: rows written before the event store.
pub(crate) async fn unrecorded_pizzas(tx: &mut Tx) -> Result<Vec<StoredPizza>, DbError> {
    let rows: Vec<PizzaRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM pizzas WHERE version = 0 ORDER BY sort_order, id"
    ))
    .fetch_all(&mut **tx)
    .await?;
    rows.into_iter().map(StoredPizza::try_from).collect()
}

/// The sort order that puts a new pizza after every other.
pub(crate) async fn next_sort_order(tx: &mut Tx) -> Result<i64, DbError> {
    let (last,): (Option<i64>,) = sqlx::query_as("SELECT MAX(sort_order) FROM pizzas")
        .fetch_one(&mut **tx)
        .await?;
    Ok(last.map_or(0, |last| last + 1))
}

/// Writes a new row at `version`; `false` when a pizza with that id exists already
/// (on PostgreSQL, possibly one a concurrent command is adding).
pub(crate) async fn insert_pizza(
    tx: &mut Tx,
    pizza: &PizzaState,
    version: i64,
) -> Result<bool, DbError> {
    let inserted = sqlx::query(
        "INSERT INTO pizzas (id, name, description, base_price, category, toppings, \
         preparation_minutes, available, sort_order, seasonal, version) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(&pizza.pizza_id)
    .bind(&pizza.name)
    .bind(&pizza.description)
    .bind(pizza.base_price.to_string())
    .bind(&pizza.category)
    .bind(toppings_json(&pizza.toppings))
    .bind(i64::from(pizza.preparation_minutes))
    .bind(i64::from(pizza.available))
    .bind(pizza.sort_order)
    .bind(i64::from(pizza.seasonal))
    .bind(version)
    .execute(&mut **tx)
    .await;
    match inserted {
        Ok(_) => Ok(true),
        Err(error) if is_unique_violation(&error) => Ok(false),
        Err(error) => Err(error.into()),
    }
}

/// Stores `pizza`'s name, price, availability, description, toppings and season and moves
/// the row from `version` to the next; 409 when another command moved it first.
pub(crate) async fn update_pizza(
    tx: &mut Tx,
    pizza: &PizzaState,
    version: i64,
) -> Result<(), Problem> {
    let updated = sqlx::query(
        "UPDATE pizzas SET name = $1, base_price = $2, available = $3, description = $4, \
         toppings = $5, seasonal = $6, version = $7 WHERE id = $8 AND version = $9",
    )
    .bind(&pizza.name)
    .bind(pizza.base_price.to_string())
    .bind(i64::from(pizza.available))
    .bind(&pizza.description)
    .bind(toppings_json(&pizza.toppings))
    .bind(i64::from(pizza.seasonal))
    .bind(version + 1)
    .bind(&pizza.pizza_id)
    .bind(version)
    .execute(&mut **tx)
    .await
    .map_err(DbError::from)?;
    one_row(updated.rows_affected())
}

/// Deletes the row if it is still at `version`; 409 when another command moved it first.
pub(crate) async fn delete_pizza(tx: &mut Tx, id: &str, version: i64) -> Result<(), Problem> {
    let deleted = sqlx::query("DELETE FROM pizzas WHERE id = $1 AND version = $2")
        .bind(id)
        .bind(version)
        .execute(&mut **tx)
        .await
        .map_err(DbError::from)?;
    one_row(deleted.rows_affected())
}

/// Marks a pizza's first event as appended: its row now matches a stream of one event.
pub(crate) async fn mark_recorded(tx: &mut Tx, id: &str) -> Result<(), DbError> {
    sqlx::query("UPDATE pizzas SET version = 1 WHERE id = $1 AND version = 0")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// 404 for a pizza id the menu does not hold.
pub(crate) fn unknown_pizza(id: &str) -> Problem {
    Problem::not_found(format!("No pizza has the id {id}."))
}

fn one_row(rows: u64) -> Result<(), Problem> {
    if rows == 1 {
        Ok(())
    } else {
        Err(Problem::conflict(
            "The pizza was changed by someone else at the same time; reload it and try again.",
        ))
    }
}

fn is_unique_violation(error: &sqlx::Error) -> bool {
    error
        .as_database_error()
        .is_some_and(|db| db.is_unique_violation())
}

fn toppings_json(toppings: &[String]) -> String {
    serde_json::to_string(toppings).unwrap_or_else(|_| "[]".into())
}

impl TryFrom<PizzaRow> for StoredPizza {
    type Error = DbError;

    fn try_from(row: PizzaRow) -> Result<Self, DbError> {
        let state = PizzaState {
            pizza_id: row.id,
            name: row.name,
            description: row.description,
            base_price: decimal("pizzas.base_price", &row.base_price)?,
            category: row.category,
            toppings: json_list("pizzas.toppings", &row.toppings)?,
            preparation_minutes: count("pizzas.preparation_minutes", row.preparation_minutes)?,
            available: row.available != 0,
            sort_order: row.sort_order,
            seasonal: row.seasonal != 0,
        };
        Ok(StoredPizza {
            state,
            version: row.version,
        })
    }
}
