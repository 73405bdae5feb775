//! [`RecipeBook`]: what placement needs to know of stock that never changes once seeded,
//! read from the database by the first placement and kept for the process's life: each
//! pizza's recipe per size, which ingredients are stocked, and how low each ingredient
//! may fall before some pizza could sell out. `seed_stock` writes recipes and ingredients
//! once, before the server answers, and nothing changes them afterwards (a count changes
//! `on_hand`, which is not kept here), so the book never goes stale. Without it each
//! order read the recipes and the stocked set again.

use crate::db::DbError;
use crate::inventory::domain::SOLD_OUT_SIZE;
use crate::inventory::store::{RecipeRow, recipe_rows};
use app::contracts::PizzaSize;
use sqlx::AnyConnection;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

/// One size of one pizza.
type RecipeKey = (String, PizzaSize);

/// The stock facts placement reads, as stored at seeding.
#[derive(Debug, Default)]
pub(crate) struct Recipes {
    by_pizza: HashMap<RecipeKey, Vec<(String, i64)>>,
    stocked: HashSet<String>,
    /// For each ingredient, the most of it a recipe of the [`SOLD_OUT_SIZE`] takes: while
    /// more than that is left, no pizza sells out for want of it.
    sells_out_below: HashMap<String, i64>,
}

impl Recipes {
    /// The recipe of `pizza_id` at `size`; empty for a pizza with none.
    pub(crate) fn of(&self, pizza_id: &str, size: PizzaSize) -> &[(String, i64)] {
        self.by_pizza
            .get(&(pizza_id.to_owned(), size))
            .map_or(&[], Vec::as_slice)
    }

    /// Whether `ingredient` is kept in stock.
    pub(crate) fn is_stocked(&self, ingredient: &str) -> bool {
        self.stocked.contains(ingredient)
    }

    /// Whether `available` units of `ingredient` could leave some pizza unmakeable.
    pub(crate) fn could_sell_out(&self, ingredient: &str, available: i64) -> bool {
        self.sells_out_below
            .get(ingredient)
            .is_some_and(|most| available < *most)
    }

    fn from_rows(rows: Vec<RecipeRow>, stocked: Vec<String>) -> Self {
        let mut recipes = Self {
            stocked: stocked.into_iter().collect(),
            ..Self::default()
        };
        for (pizza_id, size, ingredient, quantity) in rows {
            if size == SOLD_OUT_SIZE {
                let most = recipes
                    .sells_out_below
                    .entry(ingredient.clone())
                    .or_default();
                *most = (*most).max(quantity);
            }
            recipes
                .by_pizza
                .entry((pizza_id, size))
                .or_default()
                .push((ingredient, quantity));
        }
        recipes
    }
}

/// The [`Recipes`], read once and shared by every placement (cheap to clone).
#[derive(Debug, Clone, Default)]
pub(crate) struct RecipeBook(Arc<OnceLock<Arc<Recipes>>>);

impl RecipeBook {
    /// The recipes, read through `conn` the first time.
    pub(crate) async fn recipes(&self, conn: &mut AnyConnection) -> Result<Arc<Recipes>, DbError> {
        if let Some(recipes) = self.0.get() {
            return Ok(recipes.clone());
        }
        let rows = recipe_rows(&mut *conn).await?;
        let stocked: Vec<(String,)> = sqlx::query_as("SELECT ingredient FROM ingredients")
            .fetch_all(&mut *conn)
            .await?;
        let read = Arc::new(Recipes::from_rows(
            rows,
            stocked.into_iter().map(|(name,)| name).collect(),
        ));
        // Two first placements may both read: the same rows, so either copy will do.
        Ok(self.0.get_or_init(|| read).clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(pizza: &str, size: PizzaSize, ingredient: &str, quantity: i64) -> RecipeRow {
        (pizza.into(), size, ingredient.into(), quantity)
    }

    #[test]
    fn the_sell_out_line_is_the_largest_small_recipe_quantity() {
        let recipes = Recipes::from_rows(
            vec![
                row("margherita", PizzaSize::Small, "dough", 200),
                row("margherita", PizzaSize::Large, "dough", 325),
                row("funghi", PizzaSize::Small, "dough", 240),
                row("funghi", PizzaSize::Small, "mushrooms", 64),
            ],
            vec!["dough".into(), "mushrooms".into(), "basil".into()],
        );
        assert!(recipes.could_sell_out("dough", 239));
        assert!(
            !recipes.could_sell_out("dough", 240),
            "large sizes do not count"
        );
        assert!(!recipes.could_sell_out("basil", 0), "no recipe uses it");
        assert_eq!(recipes.of("funghi", PizzaSize::Small).len(), 2);
        assert!(recipes.of("funghi", PizzaSize::Large).is_empty());
        assert!(recipes.is_stocked("basil") && !recipes.is_stocked("gold leaf"));
    }
}
