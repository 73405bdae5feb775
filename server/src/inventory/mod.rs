//! Inventory slice: ingredient stock. Each pizza has a recipe per size; placing an order
//! reserves what it needs in the placement's transaction (409 naming the pizza and the
//! ingredient when something is short, and nothing held), cooking consumes it and
//! cancelling releases it. The rules are in `domain`, the rows in `store`, the opening
//! stock in `seed`.

mod book;
pub(crate) mod commands;
mod domain;
mod events;
pub(crate) mod queries;
mod seed;
mod sold_out;
mod store;
#[cfg(test)]
mod tests;
pub(crate) mod views;

pub(crate) use book::RecipeBook;
pub(crate) use events::InventoryEvent;
pub(crate) use seed::seed_stock;

use crate::db::{Tx, transaction};
use crate::events::lock_for_append;
use crate::inventory::book::Recipes;
use crate::inventory::domain::{Line, Need, needs};
use crate::inventory::sold_out::record_flips;
use crate::inventory::store::{Settle, Shortage, reserve, settle, shortage};
use app::contracts::OrderLine;
use mediator::{Context, Problem};
use sqlx::AnyConnection;
use std::collections::BTreeMap;
use uuid::Uuid;

/// Refuses, with the 409 [`reserve_stock`] would answer, an order whose `lines` what is
/// left now cannot make, holding nothing: checked before a card is charged, so nobody is
/// charged for pizzas the kitchen has run out of. A placement racing for the same last
/// stock may still take it first; `reserve_stock` then refuses, and the charge is
/// refunded.
pub(crate) async fn check_stock(
    conn: &mut AnyConnection,
    book: &RecipeBook,
    lines: &[OrderLine],
) -> Result<(), Problem> {
    let recipes = book.recipes(conn).await?;
    match shortage(conn, &order_needs(&recipes, lines)).await? {
        Some(short) => Err(run_out(&short)),
        None => Ok(()),
    }
}

/// Holds what the order's `lines` need; 409 naming the first pizza and ingredient short.
/// The sold-out check runs only when what is left of some ingredient could leave a pizza
/// unmakeable: nearly every order takes a little from plenty and records nothing.
pub(crate) async fn reserve_stock(
    ctx: &mut Context,
    book: &RecipeBook,
    order_id: Uuid,
    lines: &[OrderLine],
) -> Result<(), Problem> {
    let tx = stock_lock(ctx).await?;
    let recipes = book.recipes(tx).await?;
    let left = match reserve(tx, order_id, &order_needs(&recipes, lines)).await? {
        Ok(left) => left,
        Err(short) => return Err(run_out(&short)),
    };
    if left
        .iter()
        .any(|(ingredient, available)| recipes.could_sell_out(ingredient, *available))
    {
        record_flips(ctx).await?;
    }
    Ok(())
}

/// What the order's `lines` need of each stocked ingredient.
fn order_needs(recipes: &Recipes, lines: &[OrderLine]) -> BTreeMap<String, Need> {
    let lines: Vec<Line<'_>> = lines
        .iter()
        .map(|line| Line {
            pizza_name: &line.pizza_name,
            size: line.size,
            quantity: i64::from(line.quantity),
            recipe: recipes.of(&line.pizza_id, line.size),
            toppings: &line.toppings,
        })
        .collect();
    needs(&lines, |name| recipes.is_stocked(name))
}

/// The 409 for an order the stock cannot make.
fn run_out(short: &Shortage) -> Problem {
    Problem::conflict(format!(
        "Sorry, we have run out of {} for the {}. Please choose another pizza or fewer.",
        short.ingredient, short.pizza_name
    ))
}

/// Uses up what a cooked order held.
pub(crate) async fn consume_stock(ctx: &mut Context, order_id: Uuid) -> Result<(), Problem> {
    settle(stock_lock(ctx).await?, order_id, Settle::Consume).await?;
    // Consuming what was held changes what is left to sell by nothing: no flip to record.
    Ok(())
}

/// Frees what a cancelled order held.
pub(crate) async fn release_stock(ctx: &mut Context, order_id: Uuid) -> Result<(), Problem> {
    let held = settle(stock_lock(ctx).await?, order_id, Settle::Release).await?;
    if held.is_empty() {
        return Ok(());
    }
    record_flips(ctx).await
}

/// The command's transaction, holding the append lock (PostgreSQL; nothing on SQLite,
/// whose single writer already runs commands in turn). Every command that changes stock
/// takes it before touching an ingredient row, so they queue in arrival order on one
/// lock, never on a row's lock, where waiters are woken all at once and the last of them
/// waited 200 ms and more under load; and none holds a row while waiting for the lock
/// its events need, which could deadlock with one that holds the lock.
pub(crate) async fn stock_lock(ctx: &mut Context) -> Result<&mut Tx, Problem> {
    let tx = transaction(ctx)?;
    lock_for_append(tx).await?;
    Ok(tx)
}
