//! `GetMenu`: the pizzas on the menu, optionally of one category, read from the menu view:
//! by default those customers can order, seasonal ones included. Cached by the mediator
//! (see `wiring` and `views::MenuViewCaughtUp`), one entry per distinct query.

use crate::db::DbError;
use crate::menu::queries::menu_row::{MENU_COLUMNS, MENU_FROM, MenuRow};
use app::contracts::{GetMenu, MenuItem};
use mediator::{Context, Done, Outcome, RequestHandler};
use sqlx::AnyPool;

/// Answers [`GetMenu`] from `menu_view`; unavailable pizzas are left out unless the query
/// includes them, and seasonal ones are listed unless it leaves them out.
pub(crate) struct GetMenuHandler {
    pub pool: AnyPool,
}

impl RequestHandler<GetMenu> for GetMenuHandler {
    #[tracing::instrument(name = "GetMenu", skip_all, fields(
        category = query.category.as_deref(),
        include_unavailable = query.include_unavailable,
        include_seasonal = query.include_seasonal,
    ))]
    async fn handle(&self, query: GetMenu, _ctx: &mut Context) -> Outcome<Vec<MenuItem>> {
        let category = query
            .category
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        let sql = format!(
            "SELECT {MENU_COLUMNS} FROM {MENU_FROM} WHERE available >= $1 AND seasonal <= $2 \
             AND (s.pizza_id IS NULL OR $3 = 1) ORDER BY sort_order, m.pizza_id"
        );
        // Both columns are 0/1: `>= 0` and `<= 1` keep every row.
        let lowest_available = i64::from(!query.include_unavailable);
        let highest_seasonal = i64::from(query.include_seasonal);
        let rows: Vec<MenuRow> = sqlx::query_as(&sql)
            .bind(lowest_available)
            .bind(highest_seasonal)
            .bind(i64::from(query.include_unavailable))
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
