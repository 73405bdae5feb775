//! `UpdatePizza`: changes a pizza's name, price, availability, description, toppings or
//! season (those given) and records `PizzaUpdated` with its whole new state, in the command's
//! transaction. An unavailable pizza leaves the menu customers see and cannot be ordered.

use crate::db::transaction;
use crate::events::{now, record};
use crate::menu::commands::add_pizza::{in_cents, trimmed};
use crate::menu::store::{StoredPizza, find_pizza, unknown_pizza, update_pizza};
use crate::menu::{MenuEvent, PizzaState, PizzaUpdated};
use app::contracts::{MenuChanged, UpdatePizza};
use mediator::{Context, Done, Outcome, RequestHandler};

/// Handles [`UpdatePizza`]; answers 200, 404 for an unknown pizza, or 409 when another
/// command changed it at the same time.
pub(crate) struct UpdatePizzaHandler;

impl RequestHandler<UpdatePizza> for UpdatePizzaHandler {
    #[tracing::instrument(name = "UpdatePizza", skip_all, fields(pizza_id = %command.pizza_id))]
    async fn handle(&self, command: UpdatePizza, ctx: &mut Context) -> Outcome<MenuChanged> {
        let tx = transaction(ctx)?;
        let StoredPizza { mut state, version } = find_pizza(tx, &command.pizza_id)
            .await?
            .ok_or_else(|| unknown_pizza(&command.pizza_id))?;
        apply(&mut state, command);
        update_pizza(tx, &state, version).await?;
        let pizza_id = state.pizza_id.clone();
        let event = MenuEvent::PizzaUpdated(PizzaUpdated {
            pizza: state,
            at: now(),
        });
        let appended = record(ctx, version, event).await?;
        Ok(Done::ok(MenuChanged {
            pizza_id,
            position: appended.position,
        }))
    }
}

/// Overwrites what the command gives and keeps the rest.
fn apply(pizza: &mut PizzaState, command: UpdatePizza) {
    if let Some(name) = command.name {
        pizza.name = name.trim().to_owned();
    }
    if let Some(price) = command.base_price {
        pizza.base_price = in_cents(price);
    }
    if let Some(available) = command.available {
        pizza.available = available;
    }
    if let Some(description) = command.description {
        pizza.description = description.trim().to_owned();
    }
    if let Some(toppings) = command.available_toppings {
        pizza.toppings = trimmed(toppings);
    }
    if let Some(seasonal) = command.is_seasonal {
        pizza.seasonal = seasonal;
    }
}
