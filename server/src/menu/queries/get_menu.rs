//! `GetMenu`: the pizzas customers can order, optionally of one category.

use crate::menu::load_menu;
use app::contracts::{GetMenu, MenuItem};
use mediator::{Context, Done, Outcome, RequestHandler};
use sqlx::AnyPool;

/// Answers [`GetMenu`] from the stored menu; unavailable pizzas are left out.
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
        let items = load_menu(&self.pool)
            .await?
            .into_iter()
            .filter(|pizza| pizza.available)
            .filter(|pizza| category.is_none_or(|c| pizza.category.eq_ignore_ascii_case(c)))
            .map(|pizza| pizza.to_menu_item())
            .collect();
        Ok(Done::ok(items))
    }
}
