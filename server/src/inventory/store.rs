//! Stock persistence (the write model): ingredients, recipes and what each placed order
//! holds. Placing reserves, cooking consumes, cancelling releases, all in the command's
//! transaction; a reservation never takes an ingredient's available stock below zero,
//! whatever runs at the same time (the `UPDATE` checks and takes in one statement).

use crate::db::{DbError, Tx, insert_rows};
use crate::inventory::domain::Need;
use app::contracts::PizzaSize;
use std::collections::{BTreeMap, HashMap, HashSet};
use uuid::Uuid;

/// The names of the ingredients kept in stock.
pub(crate) async fn stocked(tx: &mut Tx) -> Result<HashSet<String>, DbError> {
    let rows: Vec<(String,)> = sqlx::query_as("SELECT ingredient FROM ingredients")
        .fetch_all(&mut **tx)
        .await?;
    Ok(rows.into_iter().map(|(name,)| name).collect())
}

/// The recipes of `pizza_ids`, by pizza and size.
pub(crate) async fn recipes_of(
    tx: &mut Tx,
    pizza_ids: &[&str],
) -> Result<HashMap<(String, PizzaSize), Vec<(String, i64)>>, DbError> {
    let mut recipes: HashMap<(String, PizzaSize), Vec<(String, i64)>> = HashMap::new();
    for pizza_id in pizza_ids.iter().collect::<HashSet<_>>() {
        let rows: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT size, ingredient, quantity FROM recipes WHERE pizza_id = $1 \
             ORDER BY size, ingredient",
        )
        .bind(*pizza_id)
        .fetch_all(&mut **tx)
        .await?;
        for (size, ingredient, quantity) in rows {
            let size =
                PizzaSize::parse(&size).ok_or_else(|| crate::db::corrupt("recipes.size", &size))?;
            let key = ((*pizza_id).to_owned(), size);
            recipes.entry(key).or_default().push((ingredient, quantity));
        }
    }
    Ok(recipes)
}

/// An ingredient an order needs more of than is left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Shortage {
    pub ingredient: String,
    pub pizza_name: String,
}

/// Holds `needs` for `order_id`, ingredient by ingredient in name order; stops at the first
/// one short (the caller rolls the transaction back, so nothing stays held).
pub(crate) async fn reserve(
    tx: &mut Tx,
    order_id: Uuid,
    needs: &BTreeMap<String, Need>,
) -> Result<Result<(), Shortage>, DbError> {
    for (ingredient, need) in needs {
        let taken = sqlx::query(
            "UPDATE ingredients SET reserved = reserved + $1 \
             WHERE ingredient = $2 AND on_hand - reserved >= $1",
        )
        .bind(need.quantity)
        .bind(ingredient)
        .execute(&mut **tx)
        .await?;
        if taken.rows_affected() == 0 {
            return Ok(Err(Shortage {
                ingredient: ingredient.clone(),
                pizza_name: need.pizza_name.clone(),
            }));
        }
    }
    let rows: Vec<(&String, &Need)> = needs.iter().collect();
    let id = order_id.to_string();
    insert_rows(
        tx,
        "INSERT INTO stock_reservations (order_id, ingredient, quantity)",
        3,
        "",
        &rows,
        |query, (ingredient, need)| {
            query
                .bind(id.clone())
                .bind((*ingredient).clone())
                .bind(need.quantity)
        },
    )
    .await?;
    Ok(Ok(()))
}

/// What to do with an order's reservations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Settle {
    /// Cooked: the stock is used up (on hand and reserved both go down).
    Consume,
    /// Cancelled: the stock is free again.
    Release,
}

/// Settles what `order_id` holds and forgets the reservations; answers what it held.
pub(crate) async fn settle(
    tx: &mut Tx,
    order_id: Uuid,
    how: Settle,
) -> Result<Vec<(String, i64)>, DbError> {
    let id = order_id.to_string();
    let held: Vec<(String, i64)> = sqlx::query_as(
        "SELECT ingredient, quantity FROM stock_reservations WHERE order_id = $1 \
         ORDER BY ingredient",
    )
    .bind(&id)
    .fetch_all(&mut **tx)
    .await?;
    let statement = match how {
        // A manager may have counted less on hand than was held: never below zero.
        Settle::Consume => {
            "UPDATE ingredients SET reserved = reserved - $1, \
             on_hand = CASE WHEN on_hand > $1 THEN on_hand - $1 ELSE 0 END \
             WHERE ingredient = $2"
        }
        Settle::Release => "UPDATE ingredients SET reserved = reserved - $1 WHERE ingredient = $2",
    };
    for (ingredient, quantity) in &held {
        sqlx::query(statement)
            .bind(*quantity)
            .bind(ingredient)
            .execute(&mut **tx)
            .await?;
    }
    sqlx::query("DELETE FROM stock_reservations WHERE order_id = $1")
        .bind(&id)
        .execute(&mut **tx)
        .await?;
    Ok(held)
}
