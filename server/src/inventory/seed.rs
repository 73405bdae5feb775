//! The opening stock, written once when no ingredient is stored yet: every ingredient of
//! the opening recipes and of every pizza's extra toppings, and the recipes of the pizzas
//! the opening recipe book knows, for each size. A shop that already counts its stock is
//! left alone. Nothing else writes recipes or adds ingredients: placement keeps them in
//! memory once read (`book::RecipeBook`), so whatever comes to change them must tell it.

use crate::db::{DbError, Tx, json_list};
use crate::inventory::domain::{for_size, opening_recipe, topping_ingredient};
use app::contracts::PizzaSize;
use sqlx::AnyPool;
use std::collections::BTreeSet;

/// What the opening stock holds of each ingredient, in whole units: enough for the load
/// and soak scripts (`scripts/soak`'s default ten minutes at 200 two-pizza orders a second
/// take 108 kg of dough), which start from it. Far more than a count may say
/// (`MAX_STOCK`): a manager's first count replaces it with what the kitchen really has.
pub(crate) const OPENING_STOCK: i64 = 1_000_000_000;
/// Where the opening stock starts warning.
pub(crate) const OPENING_LOW_STOCK_AT: i64 = 5_000;

/// Writes the opening stock and recipes when no ingredient is stored yet.
pub(crate) async fn seed_stock(pool: &AnyPool) -> anyhow::Result<()> {
    let mut tx: Tx = pool.begin().await?.into();
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM ingredients")
        .fetch_one(&mut *tx)
        .await?;
    if count == 0 {
        let ingredients = write_recipes(&mut tx).await?;
        for ingredient in &ingredients {
            sqlx::query(
                "INSERT INTO ingredients (ingredient, unit, on_hand, low_stock_at) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(ingredient)
            .bind(unit_of(ingredient))
            .bind(OPENING_STOCK)
            .bind(OPENING_LOW_STOCK_AT)
            .execute(&mut *tx)
            .await?;
        }
        tracing::info!(ingredients = ingredients.len(), "seeded the stock");
    }
    tx.commit().await?;
    Ok(())
}

/// The recipes of the stored pizzas the opening book knows; answers every ingredient they
/// and the pizzas' extra toppings use.
async fn write_recipes(tx: &mut Tx) -> Result<BTreeSet<String>, DbError> {
    let pizzas: Vec<(String, String)> = sqlx::query_as("SELECT id, toppings FROM pizzas")
        .fetch_all(&mut **tx)
        .await?;
    let mut ingredients = BTreeSet::new();
    for (pizza_id, toppings) in pizzas {
        for topping in json_list("pizzas.toppings", &toppings)? {
            ingredients.insert(topping_ingredient(&topping).to_owned());
        }
        let Some(recipe) = opening_recipe(&pizza_id) else {
            continue;
        };
        for (ingredient, medium) in recipe {
            ingredients.insert(ingredient.to_owned());
            for size in PizzaSize::ALL {
                sqlx::query(
                    "INSERT INTO recipes (pizza_id, size, ingredient, quantity) \
                     VALUES ($1, $2, $3, $4)",
                )
                .bind(&pizza_id)
                .bind(size.as_str())
                .bind(ingredient)
                .bind(for_size(medium, size))
                .execute(&mut **tx)
                .await?;
            }
        }
    }
    Ok(ingredients)
}

/// How an ingredient is counted.
fn unit_of(ingredient: &str) -> &'static str {
    match ingredient {
        "tomato sauce" | "truffle oil" | "honey" => "ml",
        "egg" => "pcs",
        _ => "g",
    }
}
