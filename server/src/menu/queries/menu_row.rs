//! [`MenuRow`]: one pizza of `menu_view` as stored, and what the menu queries make of it.

use crate::db::{DbError, count, decimal, json_list};
use app::contracts::{EditablePizza, MenuItem, PizzaSize};

/// The columns both menu queries read, in this order, from [`MENU_FROM`].
pub(super) const MENU_COLUMNS: &str = "m.pizza_id, name, description, base_price, category, \
     toppings, preparation_minutes, available, seasonal, \
     CASE WHEN s.pizza_id IS NULL THEN 0 ELSE 1 END AS sold_out";

/// The menu view with the inventory slice's list of pizzas that ran out.
pub(super) const MENU_FROM: &str =
    "menu_view m LEFT JOIN sold_out_view s ON s.pizza_id = m.pizza_id";

/// One pizza of `menu_view`.
#[derive(Debug, sqlx::FromRow)]
pub(super) struct MenuRow {
    pizza_id: String,
    name: String,
    description: String,
    base_price: String,
    pub category: String,
    toppings: String,
    preparation_minutes: i64,
    available: i64,
    seasonal: i64,
    sold_out: i64,
}

impl TryFrom<MenuRow> for EditablePizza {
    type Error = DbError;

    fn try_from(row: MenuRow) -> Result<Self, DbError> {
        Ok(EditablePizza {
            base_price: decimal("menu_view.base_price", &row.base_price)?,
            available_toppings: json_list("menu_view.toppings", &row.toppings)?,
            preparation_time_minutes: count(
                "menu_view.preparation_minutes",
                row.preparation_minutes,
            )?,
            available: row.available != 0,
            is_seasonal: row.seasonal != 0,
            id: row.pizza_id,
            name: row.name,
            description: row.description,
            category: row.category,
        })
    }
}

impl TryFrom<MenuRow> for MenuItem {
    type Error = DbError;

    /// A pizza as customers see it: in every size.
    fn try_from(row: MenuRow) -> Result<Self, DbError> {
        let sold_out = row.sold_out != 0;
        let pizza = EditablePizza::try_from(row)?;
        Ok(MenuItem {
            id: pizza.id,
            name: pizza.name,
            description: pizza.description,
            base_price: pizza.base_price,
            category: pizza.category,
            available_sizes: PizzaSize::ALL.to_vec(),
            available_toppings: pizza.available_toppings,
            preparation_time_minutes: pizza.preparation_time_minutes,
            available: pizza.available && !sold_out,
            sold_out,
            is_seasonal: pizza.is_seasonal,
        })
    }
}
