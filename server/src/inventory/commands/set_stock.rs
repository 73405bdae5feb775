//! `SetStock`: a manager's count of one ingredient; records `StockSet`, and the pizzas it
//! sells out or brings back (`sold_out.rs`), in the command's transaction.

use crate::db::transaction;
use crate::events::{now, record, stream_version};
use crate::inventory::events::{InventoryEvent, StockSet, ingredient_stream};
use crate::inventory::queries::find_level;
use crate::inventory::sold_out::record_flips;
use crate::inventory::stock_lock;
use app::contracts::{SetStock, StockLevel};
use mediator::{Context, Done, Outcome, Problem, RequestHandler};

/// Handles [`SetStock`]; answers the ingredient's new level, 404 for one not stocked.
pub(crate) struct SetStockHandler;

impl RequestHandler<SetStock> for SetStockHandler {
    #[tracing::instrument(name = "SetStock", skip_all)]
    async fn handle(&self, command: SetStock, ctx: &mut Context) -> Outcome<StockLevel> {
        let tx = stock_lock(ctx).await?;
        let ingredient = command.ingredient.trim().to_lowercase();
        let current = find_level(tx, &ingredient).await?.ok_or_else(|| {
            Problem::not_found(format!("No ingredient {ingredient:?} is kept in stock."))
        })?;
        let low_stock_at = command.low_stock_at.unwrap_or(current.low_stock_at);
        sqlx::query(
            "UPDATE ingredients SET on_hand = $1, low_stock_at = $2, version = version + 1 \
             WHERE ingredient = $3",
        )
        .bind(command.on_hand)
        .bind(low_stock_at)
        .bind(&ingredient)
        .execute(&mut **tx)
        .await
        .map_err(crate::db::DbError::from)?;
        let version = stream_version(tx, &ingredient_stream(&ingredient)).await?;
        let event = InventoryEvent::StockSet(StockSet {
            ingredient: ingredient.clone(),
            on_hand: command.on_hand,
            low_stock_at,
            at: now(),
        });
        record(ctx, version, event).await?;
        record_flips(ctx).await?;
        let level = find_level(&mut **transaction(ctx)?, &ingredient).await?;
        level
            .map(Done::ok)
            .ok_or_else(|| Problem::internal("the ingredient went away while counted"))
    }
}
