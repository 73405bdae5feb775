//! `GetEditableMenu`: every pizza of the menu view, those taken off the menu included,
//! for the menu editor. Not cached: a manager reads it right after changing the menu,
//! and `min_position` makes that read include the change.

use crate::menu::queries::menu_row::{MENU_COLUMNS, MENU_FROM, MenuRow};
use crate::projections::ReadModels;
use app::contracts::{EditablePizza, GetEditableMenu};
use mediator::{Context, Done, Outcome, RequestHandler};

/// Answers [`GetEditableMenu`] from `menu_view`, in menu order.
pub(crate) struct GetEditableMenuHandler {
    pub read: ReadModels,
}

impl RequestHandler<GetEditableMenu> for GetEditableMenuHandler {
    #[tracing::instrument(name = "GetEditableMenu", skip_all)]
    async fn handle(
        &self,
        query: GetEditableMenu,
        _ctx: &mut Context,
    ) -> Outcome<Vec<EditablePizza>> {
        let sql = format!("SELECT {MENU_COLUMNS} FROM {MENU_FROM} ORDER BY sort_order, m.pizza_id");
        let statement = sqlx::query_as(&sql);
        let rows: Vec<MenuRow> = self.read.fetch_all(query.min_position, statement).await?;
        let pizzas = rows
            .into_iter()
            .map(EditablePizza::try_from)
            .collect::<Result<_, _>>()?;
        Ok(Done::ok(pizzas))
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::test_app;
    use app::contracts::{AddPizza, GetEditableMenu, GetMenu, UpdatePizza};
    use rust_decimal::Decimal;

    fn hide(pizza_id: &str) -> UpdatePizza {
        UpdatePizza {
            available: Some(false),
            ..UpdatePizza::of(pizza_id)
        }
    }

    #[tokio::test]
    async fn the_editor_lists_pizzas_taken_off_the_menu_that_customers_no_longer_see() {
        let app = test_app().await;
        let hidden = app.mediator.send(hide("marinara")).await.expect("hidden");
        let min_position = Some(hidden.value.position);

        let editable = app.mediator.send(GetEditableMenu { min_position }).await;
        let editable = editable.expect("the editor's menu").value;
        let marinara = editable.iter().find(|pizza| pizza.id == "marinara");
        assert_eq!(marinara.map(|pizza| pizza.available), Some(false));
        assert!(
            editable
                .iter()
                .filter(|p| p.id != "marinara")
                .all(|p| p.available)
        );

        let menu = app
            .mediator
            .send(GetMenu::default())
            .await
            .expect("the menu");
        assert!(menu.value.iter().all(|pizza| pizza.id != "marinara"));
        assert_eq!(menu.value.len() + 1, editable.len());
    }

    #[tokio::test]
    async fn a_new_pizza_comes_last_with_everything_it_was_added_with() {
        let app = test_app().await;
        let calzone = AddPizza {
            id: "calzone".into(),
            name: "Calzone".into(),
            description: "Folded.".into(),
            base_price: Decimal::new(1350, 2),
            category: "Specialty".into(),
            available_toppings: vec!["olives".into()],
            preparation_time_minutes: 15,
            is_seasonal: false,
        };
        let added = app.mediator.send(calzone.clone()).await.expect("added");
        let min_position = Some(added.value.position);

        let editable = app.mediator.send(GetEditableMenu { min_position }).await;
        let last = editable
            .expect("the editor's menu")
            .value
            .pop()
            .expect("a pizza");
        assert_eq!(
            (last.id, last.name, last.description, last.base_price),
            (
                calzone.id,
                calzone.name,
                calzone.description,
                calzone.base_price
            )
        );
        assert_eq!(
            (
                last.category,
                last.available_toppings,
                last.preparation_time_minutes
            ),
            (calzone.category, calzone.available_toppings, 15)
        );
        assert!(last.available);
    }
}
