//! Which pizzas can be made: after every change of stock, the pizzas whose smallest size
//! needs more of an ingredient than is left are compared with those already sold out,
//! and each change is recorded (`PizzaSoldOut`, `PizzaBackInStock`) in the command's
//! transaction, so the menu follows at once. Nothing is recorded while nothing flips,
//! which is nearly every order.

use crate::db::{DbError, Tx, transaction};
use crate::events::{now, record, stream_version};
use crate::inventory::domain::SOLD_OUT_SIZE;
use crate::inventory::events::{InventoryEvent, PizzaBackInStock, PizzaSoldOut};
use mediator::{Context, Problem};
use std::collections::BTreeMap;

/// Records every pizza that ran out or came back since the last change of stock.
pub(crate) async fn record_flips(ctx: &mut Context) -> Result<(), Problem> {
    for event in flips(transaction(ctx)?).await? {
        let stream = crate::events::DomainEvent::stream_id(&event);
        let version = stream_version(transaction(ctx)?, &stream).await?;
        record(ctx, version, event).await?;
    }
    Ok(())
}

/// Brings `sold_out_pizzas` up to date; answers the event of each pizza that changed.
async fn flips(tx: &mut Tx) -> Result<Vec<InventoryEvent>, DbError> {
    let short = short_now(tx).await?;
    let before: Vec<(String,)> = sqlx::query_as("SELECT pizza_id FROM sold_out_pizzas")
        .fetch_all(&mut **tx)
        .await?;
    let before: Vec<String> = before.into_iter().map(|(id,)| id).collect();
    let mut events = Vec::new();
    for (pizza_id, ingredient) in &short {
        if !before.contains(pizza_id) {
            sqlx::query("INSERT INTO sold_out_pizzas (pizza_id) VALUES ($1)")
                .bind(pizza_id)
                .execute(&mut **tx)
                .await?;
            events.push(InventoryEvent::PizzaSoldOut(PizzaSoldOut {
                pizza_id: pizza_id.clone(),
                ingredient: ingredient.clone(),
                at: now(),
            }));
        }
    }
    for pizza_id in before.iter().filter(|id| !short.contains_key(*id)) {
        sqlx::query("DELETE FROM sold_out_pizzas WHERE pizza_id = $1")
            .bind(pizza_id)
            .execute(&mut **tx)
            .await?;
        events.push(InventoryEvent::PizzaBackInStock(PizzaBackInStock {
            pizza_id: pizza_id.clone(),
            at: now(),
        }));
    }
    Ok(events)
}

/// The pizzas whose [`SOLD_OUT_SIZE`] cannot be made now, each with the first ingredient
/// (by name) that is short.
async fn short_now(tx: &mut Tx) -> Result<BTreeMap<String, String>, DbError> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT r.pizza_id, r.ingredient FROM recipes r \
         JOIN ingredients i ON i.ingredient = r.ingredient \
         WHERE r.size = $1 AND i.on_hand - i.reserved < r.quantity \
         ORDER BY r.pizza_id, r.ingredient",
    )
    .bind(SOLD_OUT_SIZE.as_str())
    .fetch_all(&mut **tx)
    .await?;
    let mut short = BTreeMap::new();
    for (pizza_id, ingredient) in rows {
        short.entry(pizza_id).or_insert(ingredient);
    }
    Ok(short)
}
