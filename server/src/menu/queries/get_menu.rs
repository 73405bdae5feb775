//! `GetMenu`: the pizzas customers can order, optionally of one category, read from the
//! menu view. Cached by the mediator (see `wiring` and `views::MenuViewCaughtUp`).

use crate::db::DbError;
use crate::menu::queries::menu_row::{MENU_COLUMNS, MenuRow};
use app::contracts::{GetMenu, MenuItem};
use mediator::{Context, Done, Outcome, RequestHandler};
use sqlx::AnyPool;

/// Answers [`GetMenu`] from `menu_view`; unavailable pizzas are left out.
pub(crate) struct GetMenuHandler {
    pub pool: AnyPool,
}

impl RequestHandler<GetMenu> for GetMenuHandler {
    #[tracing::instrument(name = "GetMenu", skip_all, fields(category = query.category.as_deref()))]
    async fn handle(&self, query: GetMenu, _ctx: &mut Context) -> Outcome<Vec<MenuItem>> {
        let category = query
            .category
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        let sql = format!(
            "SELECT {MENU_COLUMNS} FROM menu_view WHERE available = 1 \
             ORDER BY sort_order, pizza_id"
        );
        let rows: Vec<MenuRow> = sqlx::query_as(&sql)
            .fetch_all(&self.pool)
            .await
            .map_err(DbError::from)?;
        let items = rows
            .into_iter()
            // Categories are few and ASCII; matching here keeps one rule for both backends.
            .filter(|row| category.is_none_or(|c| row.category.eq_ignore_ascii_case(c)))
            .map(MenuItem::try_from)
            .collect::<Result<_, _>>()?;
        Ok(Done::ok(items))
    }
}
