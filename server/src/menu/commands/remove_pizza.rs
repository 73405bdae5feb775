//! `RemovePizza`: takes a pizza off the menu for good and records `PizzaRemoved`, in the
//! command's transaction. Orders already placed keep their lines: they carry the pizza's
//! name and prices. The staff REST route answers 204 for the 200 here.

use crate::db::transaction;
use crate::events::{now, record};
use crate::menu::store::{delete_pizza, find_pizza, unknown_pizza};
use crate::menu::{MenuEvent, PizzaRemoved};
use app::contracts::{MenuChanged, RemovePizza};
use mediator::{Context, Done, Outcome, RequestHandler};

/// Handles [`RemovePizza`]; answers 200, 404 for an unknown pizza, or 409 when another
/// command changed it at the same time.
pub(crate) struct RemovePizzaHandler;

impl RequestHandler<RemovePizza> for RemovePizzaHandler {
    #[tracing::instrument(name = "RemovePizza", skip_all, fields(pizza_id = %command.pizza_id))]
    async fn handle(&self, command: RemovePizza, ctx: &mut Context) -> Outcome<MenuChanged> {
        let tx = transaction(ctx)?;
        let stored = find_pizza(tx, &command.pizza_id)
            .await?
            .ok_or_else(|| unknown_pizza(&command.pizza_id))?;
        delete_pizza(tx, &command.pizza_id, stored.version).await?;
        let event = MenuEvent::PizzaRemoved(PizzaRemoved {
            pizza_id: command.pizza_id.clone(),
            at: now(),
        });
        let appended = record(ctx, stored.version, event).await?;
        let pizza_id = command.pizza_id;
        Ok(Done::ok(MenuChanged {
            pizza_id,
            position: appended.position,
        }))
    }
}
