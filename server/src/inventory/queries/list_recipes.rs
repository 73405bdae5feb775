//! `ListRecipes`: every recipe, by pizza then size, from the `recipes` table.

use crate::inventory::store::recipe_rows;
use app::contracts::{ListRecipes, PizzaSize, Recipe, RecipeIngredient};
use mediator::{Context, Done, Outcome, RequestHandler};
use sqlx::AnyPool;

/// Answers [`ListRecipes`].
pub(crate) struct ListRecipesHandler {
    pub pool: AnyPool,
}

impl RequestHandler<ListRecipes> for ListRecipesHandler {
    #[tracing::instrument(name = "ListRecipes", skip_all)]
    async fn handle(&self, _query: ListRecipes, _ctx: &mut Context) -> Outcome<Vec<Recipe>> {
        let rows = recipe_rows(&self.pool).await?;
        let mut recipes: Vec<Recipe> = Vec::new();
        for (pizza_id, size, ingredient, quantity) in rows {
            let line = RecipeIngredient {
                ingredient,
                quantity,
            };
            match recipes.last_mut() {
                Some(recipe) if recipe.pizza_id == pizza_id && recipe.size == size => {
                    recipe.ingredients.push(line);
                }
                _ => recipes.push(Recipe {
                    pizza_id,
                    size,
                    ingredients: vec![line],
                }),
            }
        }
        // Small, medium, large within each pizza, as the sizes are listed everywhere else.
        recipes.sort_by_key(|recipe| {
            let rank = PizzaSize::ALL.iter().position(|size| *size == recipe.size);
            (recipe.pizza_id.clone(), rank)
        });
        Ok(Done::ok(recipes))
    }
}
