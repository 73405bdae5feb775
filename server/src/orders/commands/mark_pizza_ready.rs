//! `MarkPizzaReady`: one line of a `cooking` order is out of the oven. Records
//! `PizzaReady`, and `OrderReady` too when no line is left in the oven (the rule is
//! `pizza_lines.rs`'s); answers 200 with the order's status after it, `cooking` or
//! `ready`, and the position of the last event.
//!
//! Two chefs marking two lines of one order at once both succeed: the append lock is
//! taken before the order is read, so the second reads what the first wrote (SQLite's
//! `BEGIN IMMEDIATE` does the same), and only the second mark makes the order ready.

use crate::db::{DbError, Tx, timestamp, timestamp_text, transaction};
use crate::events::{lock_for_append, now, record};
use crate::orders::OrderEvent;
use crate::orders::commands::transition::{
    advance, changed_meanwhile, find_status, staff_username,
};
use crate::orders::pizza_lines::{KitchenLine, MarkLine, PizzaRefusal, decide_pizza_ready};
use app::contracts::{MarkPizzaReady, OrderStatusChanged};
use mediator::{Context, Done, Outcome, Problem, RequestHandler};
use uuid::Uuid;

/// Handles [`MarkPizzaReady`].
pub(crate) struct MarkPizzaReadyHandler;

impl RequestHandler<MarkPizzaReady> for MarkPizzaReadyHandler {
    #[tracing::instrument(name = "MarkPizzaReady", skip_all,
        fields(order_id = %command.order_id, line = command.line))]
    async fn handle(
        &self,
        command: MarkPizzaReady,
        ctx: &mut Context,
    ) -> Outcome<OrderStatusChanged> {
        let MarkPizzaReady { order_id, line } = command;
        let by = staff_username(ctx);
        let tx = transaction(ctx)?;
        lock_for_append(tx).await?;
        let (current, version) = find_status(tx, order_id)
            .await?
            .ok_or_else(|| Problem::not_found(format!("No order has the id {order_id}.")))?;
        let lines = kitchen_lines(tx, order_id).await?;
        let mark = MarkLine {
            order_id,
            line,
            at: now(),
            by: by.clone(),
            cooking_since: cooking_since(tx, order_id).await?,
        };
        let at = mark.at;
        let events =
            decide_pizza_ready(current, &lines, mark).map_err(|refused| match refused {
                PizzaRefusal::NoSuchLine { .. } => Problem::not_found(refused.to_string()),
                PizzaRefusal::NotCooking(_) | PizzaRefusal::AlreadyReady { .. } => {
                    Problem::conflict(refused.to_string())
                }
            })?;
        let status = events.last().map_or(current, OrderEvent::status);
        mark_line(tx, order_id, line, at, by.as_deref()).await?;
        let count = i64::try_from(events.len()).unwrap_or(i64::MAX);
        if !advance(tx, order_id, status, version, count).await? {
            return Err(changed_meanwhile());
        }
        let mut position = 0;
        for (offset, event) in (0..).zip(events) {
            position = record(ctx, version + offset, event).await?.position;
        }
        Ok(Done::ok(OrderStatusChanged {
            order_id,
            status,
            position,
        }))
    }
}

/// The order's lines in order, each in words and whether it is out of the oven.
async fn kitchen_lines(tx: &mut Tx, order_id: Uuid) -> Result<Vec<KitchenLine>, DbError> {
    let rows: Vec<(String, String, i64, Option<String>)> = sqlx::query_as(
        "SELECT pizza_name, size, quantity, ready_at FROM order_items WHERE order_id = $1 \
         ORDER BY line_no",
    )
    .bind(order_id.to_string())
    .fetch_all(&mut **tx)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(name, size, quantity, ready_at)| KitchenLine {
            pizza: line_words(&name, &size, quantity),
            ready: ready_at.is_some(),
        })
        .collect())
}

/// `1 × Margherita (Large)`: as the kitchen ticket names its lines, without toppings.
fn line_words(name: &str, size: &str, quantity: i64) -> String {
    let mut letters = size.chars();
    let size: String = letters
        .next()
        .map(|first| first.to_uppercase().chain(letters).collect())
        .unwrap_or_default();
    format!("{quantity} × {name} ({size})")
}

/// When the order went into the oven; `None` for an order that cooked before this was
/// kept.
async fn cooking_since(
    tx: &mut Tx,
    order_id: Uuid,
) -> Result<Option<chrono::DateTime<chrono::Utc>>, DbError> {
    let row: Option<(Option<String>,)> =
        sqlx::query_as("SELECT cooking_since FROM orders WHERE id = $1")
            .bind(order_id.to_string())
            .fetch_optional(&mut **tx)
            .await?;
    row.and_then(|(since,)| since)
        .map(|since| timestamp("orders.cooking_since", &since))
        .transpose()
}

/// Records in the write model that the line is out of the oven, and who said so.
async fn mark_line(
    tx: &mut Tx,
    order_id: Uuid,
    line: u32,
    at: chrono::DateTime<chrono::Utc>,
    by: Option<&str>,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE order_items SET ready_at = $1, ready_by = $2 \
         WHERE order_id = $3 AND line_no = $4",
    )
    .bind(timestamp_text(at))
    .bind(by)
    .bind(order_id.to_string())
    .bind(i64::from(line))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::line_words;

    #[test]
    fn a_line_reads_as_its_quantity_pizza_and_size() {
        assert_eq!(
            line_words("Margherita", "large", 1),
            "1 × Margherita (Large)"
        );
        assert_eq!(line_words("Diavola", "small", 3), "3 × Diavola (Small)");
    }
}
