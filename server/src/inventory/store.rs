//! Stock persistence (the write model): ingredients, recipes and what each placed order
//! holds. Placing reserves, cooking consumes, cancelling releases, all in the command's
//! transaction; a reservation never takes an ingredient's available stock below zero,
//! whatever runs at the same time (the `UPDATE` checks and takes in one statement).

use crate::db::{DbError, Tx, corrupt, insert_rows};
use crate::inventory::domain::Need;
use app::contracts::PizzaSize;
use sqlx::{Any, AnyConnection, Executor};
use std::collections::BTreeMap;
use uuid::Uuid;

/// One line of a recipe: pizza, size, ingredient and quantity.
pub(crate) type RecipeRow = (String, PizzaSize, String, i64);

/// Every recipe line, by pizza, size (as stored) and ingredient.
pub(crate) async fn recipe_rows<'e>(
    db: impl Executor<'e, Database = Any>,
) -> Result<Vec<RecipeRow>, DbError> {
    let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT pizza_id, size, ingredient, quantity FROM recipes \
         ORDER BY pizza_id, size, ingredient",
    )
    .fetch_all(db)
    .await?;
    rows.into_iter().map(recipe_row).collect()
}

/// A stored recipe line read back; a size the code does not know is corrupt.
fn recipe_row(
    (pizza_id, size, ingredient, quantity): (String, String, String, i64),
) -> Result<RecipeRow, DbError> {
    let size = PizzaSize::parse(&size).ok_or_else(|| corrupt("recipes.size", &size))?;
    Ok((pizza_id, size, ingredient, quantity))
}

/// An ingredient an order needs more of than is left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Shortage {
    pub ingredient: String,
    pub pizza_name: String,
}

/// The first ingredient (by name) of `needs` that has less available now than needed,
/// read without holding anything.
pub(crate) async fn shortage(
    conn: &mut AnyConnection,
    needs: &BTreeMap<String, Need>,
) -> Result<Option<Shortage>, DbError> {
    if needs.is_empty() {
        return Ok(None);
    }
    let names: Vec<String> = (1..=needs.len()).map(|i| format!("${i}")).collect();
    let statement = format!(
        "SELECT ingredient, on_hand - reserved FROM ingredients WHERE ingredient IN ({})",
        names.join(", ")
    );
    let mut query = sqlx::query_as::<_, (String, i64)>(&statement);
    for ingredient in needs.keys() {
        query = query.bind(ingredient);
    }
    let available: BTreeMap<String, i64> = query.fetch_all(conn).await?.into_iter().collect();
    Ok(needs
        .iter()
        .find(|(ingredient, need)| {
            available
                .get(*ingredient)
                .is_none_or(|left| *left < need.quantity)
        })
        .map(|(ingredient, need)| Shortage {
            ingredient: ingredient.clone(),
            pizza_name: need.pizza_name.clone(),
        }))
}

/// Holds `needs` for `order_id` in one statement; answers what is left available of
/// each ingredient taken, or the first one (by name) that is short, in which case the
/// caller rolls the transaction back, so nothing stays held. On PostgreSQL the caller
/// holds the append lock (`stock_lock`), so no two writers of stock wait on each other.
pub(crate) async fn reserve(
    tx: &mut Tx,
    order_id: Uuid,
    needs: &BTreeMap<String, Need>,
) -> Result<Result<Vec<(String, i64)>, Shortage>, DbError> {
    if needs.is_empty() {
        return Ok(Ok(Vec::new()));
    }
    let names: Vec<String> = (0..needs.len())
        .map(|i| format!("${}", 2 * i + 1))
        .collect();
    let names = names.join(", ");
    let each: String = (0..needs.len())
        .map(|i| format!(" WHEN ${} THEN ${}", 2 * i + 1, 2 * i + 2))
        .collect();
    let statement = format!(
        "UPDATE ingredients SET reserved = reserved + CASE ingredient{each} END \
         WHERE ingredient IN ({names}) AND on_hand - reserved >= CASE ingredient{each} END \
         RETURNING ingredient, on_hand - reserved"
    );
    let mut query = sqlx::query_as::<_, (String, i64)>(&statement);
    for (ingredient, need) in needs {
        query = query.bind(ingredient).bind(need.quantity);
    }
    let left = query.fetch_all(&mut **tx).await?;
    if let Some((ingredient, need)) = needs
        .iter()
        .find(|(ingredient, _)| !left.iter().any(|(taken, _)| taken == *ingredient))
    {
        return Ok(Err(Shortage {
            ingredient: ingredient.clone(),
            pizza_name: need.pizza_name.clone(),
        }));
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
    Ok(Ok(left))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_size_it_does_not_know_is_refused_as_corrupt() {
        let line = |size: &str| ("margherita".into(), size.into(), "dough".into(), 1);
        assert!(recipe_row(line("huge")).is_err());
        assert_eq!(recipe_row(line("small")).unwrap().1, PizzaSize::Small);
    }
}
