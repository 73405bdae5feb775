//! `GetMenu`: the pizzas customers can order, optionally of one category, read from the
//! menu view. Cached by the mediator (see `wiring` and `views::MenuViewCaughtUp`).

use crate::db::{DbError, count, decimal, json_list};
use app::contracts::{GetMenu, MenuItem, PizzaSize};
use mediator::{Context, Done, Outcome, RequestHandler};
use sqlx::AnyPool;

/// Answers [`GetMenu`] from `menu_view`; unavailable pizzas are left out.
pub(crate) struct GetMenuHandler {
    pub pool: AnyPool,
}

type MenuRow = (String, String, String, String, String, String, i64);

impl RequestHandler<GetMenu> for GetMenuHandler {
    #[tracing::instrument(name = "GetMenu", skip_all, fields(category = query.category.as_deref()))]
    async fn handle(&self, query: GetMenu, _ctx: &mut Context) -> Outcome<Vec<MenuItem>> {
        let category = query
            .category
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        let rows: Vec<MenuRow> = sqlx::query_as(
            "SELECT pizza_id, name, description, base_price, category, toppings, \
             preparation_minutes FROM menu_view WHERE available = 1 \
             ORDER BY sort_order, pizza_id",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(DbError::from)?;
        let items = rows
            .into_iter()
            // Categories are few and ASCII; matching here keeps one rule for both backends.
            .filter(|row| category.is_none_or(|c| row.4.eq_ignore_ascii_case(c)))
            .map(menu_item)
            .collect::<Result<_, _>>()?;
        Ok(Done::ok(items))
    }
}

fn menu_item(row: MenuRow) -> Result<MenuItem, DbError> {
    let (id, name, description, base_price, category, toppings, minutes) = row;
    Ok(MenuItem {
        id,
        name,
        description,
        base_price: decimal("menu_view.base_price", &base_price)?,
        category,
        available_sizes: PizzaSize::ALL.to_vec(),
        available_toppings: json_list("menu_view.toppings", &toppings)?,
        preparation_time_minutes: count("menu_view.preparation_minutes", minutes)?,
    })
}
