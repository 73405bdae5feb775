//! `AddPizza`: puts a new pizza on the menu, after the pizzas already there, and records
//! `PizzaAdded` with its whole state, in the command's transaction. Input rules were
//! already enforced by the validation behavior (`AddPizza::validate`).

use crate::db::transaction;
use crate::events::{now, record, stream_version};
use crate::menu::store::{find_pizza, insert_pizza, next_sort_order};
use crate::menu::{MenuEvent, PizzaAdded, PizzaState, pizza_stream};
use app::contracts::{AddPizza, MenuChanged};
use mediator::{Context, Done, Outcome, Problem, RequestHandler};
use rust_decimal::Decimal;

/// Handles [`AddPizza`]; answers 201, or 409 when the id is already on the menu.
pub(crate) struct AddPizzaHandler;

impl RequestHandler<AddPizza> for AddPizzaHandler {
    #[tracing::instrument(name = "AddPizza", skip_all, fields(pizza_id = %command.id))]
    async fn handle(&self, command: AddPizza, ctx: &mut Context) -> Outcome<MenuChanged> {
        let tx = transaction(ctx)?;
        if find_pizza(tx, &command.id).await?.is_some() {
            return Err(already_on_menu(&command.id));
        }
        let pizza = new_pizza(command, next_sort_order(tx).await?);
        // A pizza removed earlier keeps its stream; adding it again continues that stream.
        let version = stream_version(tx, &pizza_stream(&pizza.pizza_id)).await?;
        // The check above cannot see a concurrent addition that has not committed yet; the
        // primary key catches it.
        if !insert_pizza(tx, &pizza, version + 1).await? {
            return Err(already_on_menu(&pizza.pizza_id));
        }
        let pizza_id = pizza.pizza_id.clone();
        let event = MenuEvent::PizzaAdded(PizzaAdded { pizza, at: now() });
        let appended = record(ctx, version, event).await?;
        Ok(Done::created(MenuChanged {
            pizza_id,
            position: appended.position,
        }))
    }
}

/// The pizza `command` describes, trimmed, available at once.
fn new_pizza(command: AddPizza, sort_order: i64) -> PizzaState {
    PizzaState {
        pizza_id: command.id,
        name: command.name.trim().to_owned(),
        description: command.description.trim().to_owned(),
        base_price: in_cents(command.base_price),
        category: command.category.trim().to_owned(),
        toppings: trimmed(command.available_toppings),
        preparation_minutes: command.preparation_time_minutes,
        available: true,
        sort_order,
        seasonal: command.is_seasonal,
    }
}

/// The price with exactly two decimals (`10.5` → `10.50`), as every price is shown.
/// `validate` allowed no more than two, so nothing is rounded away.
pub(super) fn in_cents(mut price: Decimal) -> Decimal {
    price.rescale(2);
    price
}

/// Topping names without surrounding spaces, as they are shown and matched in orders
/// (shared with `update_pizza`).
pub(super) fn trimmed(toppings: Vec<String>) -> Vec<String> {
    toppings.iter().map(|t| t.trim().to_owned()).collect()
}

fn already_on_menu(id: &str) -> Problem {
    Problem::conflict(format!("A pizza with the id {id} is already on the menu."))
}
