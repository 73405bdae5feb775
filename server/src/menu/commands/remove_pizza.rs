//! `RemovePizza`: takes a pizza off the menu for good and records `PizzaRemoved`, in the
//! command's transaction. Orders already placed keep their lines: they carry the pizza's
//! name and prices. The staff REST route answers 204 for the 200 here.

use crate::db::transaction;
use crate::events::{append, correlation_id, now};
use crate::menu::PizzaRemoved;
use crate::menu::store::{delete_pizza, find_pizza, unknown_pizza};
use app::contracts::{MenuChanged, RemovePizza};
use mediator::{Context, Done, Outcome, RequestHandler};

/// Handles [`RemovePizza`]; answers 200, 404 for an unknown pizza, or 409 when another
/// command changed it at the same time.
pub(crate) struct RemovePizzaHandler;

impl RequestHandler<RemovePizza> for RemovePizzaHandler {
    #[tracing::instrument(name = "RemovePizza", skip_all, fields(pizza_id = %command.pizza_id))]
    async fn handle(&self, command: RemovePizza, ctx: &mut Context) -> Outcome<MenuChanged> {
        let correlation = correlation_id(ctx);
        let tx = transaction(ctx)?;
        let stored = find_pizza(tx, &command.pizza_id)
            .await?
            .ok_or_else(|| unknown_pizza(&command.pizza_id))?;
        delete_pizza(tx, &command.pizza_id, stored.version).await?;
        let event = PizzaRemoved {
            pizza_id: command.pizza_id,
            at: now(),
        };
        let appended = append(
            tx,
            correlation,
            stored.version,
            std::slice::from_ref(&event),
        )
        .await?;
        let pizza_id = event.pizza_id.clone();
        ctx.record(event);
        Ok(Done::ok(MenuChanged {
            pizza_id,
            position: appended.position,
        }))
    }
}
