//! `OrderDetailView`: one order as its confirmation page shows it, with its priced lines
//! and the timeline of its statuses (tables `order_detail_view`, `order_detail_items_view`,
//! `order_timeline_view`). Read by `GetOrder`, `GetOrderStatus` and the kitchen queue.
//!
//! - `OrderPlaced`: the order, its lines, and the timeline's first step (`pending`).
//! - `CookingStarted` … `OrderCancelled`: the new status, and one more timeline step,
//!   keyed by the event's position.

use crate::db::{DbError, Tx, timestamp_text};
use crate::events::StoredEvent;
use crate::orders::OrderPlaced;
use crate::orders::views::StatusChange;
use crate::projections::{BoxFuture, Projection};
use app::contracts::OrderLine;

/// Keeps the order detail tables up to date.
pub(crate) struct OrderDetailView;

impl Projection for OrderDetailView {
    fn name(&self) -> &'static str {
        "order_detail_view"
    }

    fn tables(&self) -> &'static [&'static str] {
        &[
            "order_timeline_view",
            "order_detail_items_view",
            "order_detail_view",
        ]
    }

    fn apply<'a>(
        &'a self,
        tx: &'a mut Tx,
        event: &'a StoredEvent,
    ) -> BoxFuture<'a, Result<(), DbError>> {
        Box::pin(async move {
            if let Some(placed) = event.decode::<OrderPlaced>() {
                let placed = placed?;
                insert_order(tx, &placed).await?;
                for (line_no, line) in placed.lines.iter().enumerate() {
                    insert_line(tx, &placed, line_no, line).await?;
                }
                insert_step(tx, event.position, &StatusChange::placed(&placed)).await
            } else if let Some(change) = StatusChange::from_event(event)? {
                update_status(tx, &change).await?;
                insert_step(tx, event.position, &change).await
            } else {
                Ok(())
            }
        })
    }
}

async fn insert_order(tx: &mut Tx, order: &OrderPlaced) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO order_detail_view (order_id, status, customer_name, customer_phone, \
         customer_address, payment_method, total_amount, placed_at, estimated_ready_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (order_id) DO NOTHING",
    )
    .bind(order.order_id.to_string())
    .bind(StatusChange::placed(order).status.as_str())
    .bind(&order.customer_name)
    .bind(&order.customer_phone)
    .bind(&order.customer_address)
    .bind(order.payment_method.as_str())
    .bind(order.total_amount.to_string())
    .bind(timestamp_text(order.placed_at))
    .bind(timestamp_text(order.estimated_ready_at))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn insert_line(
    tx: &mut Tx,
    order: &OrderPlaced,
    line_no: usize,
    line: &OrderLine,
) -> Result<(), DbError> {
    let toppings = serde_json::to_string(&line.toppings).unwrap_or_else(|_| "[]".into());
    sqlx::query(
        "INSERT INTO order_detail_items_view (order_id, line_no, pizza_id, pizza_name, size, \
         toppings, quantity, special_instructions, unit_price, line_price) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT (order_id, line_no) DO NOTHING",
    )
    .bind(order.order_id.to_string())
    .bind(line_no as i64)
    .bind(&line.pizza_id)
    .bind(&line.pizza_name)
    .bind(line.size.as_str())
    .bind(toppings)
    .bind(i64::from(line.quantity))
    .bind(line.special_instructions.as_deref())
    .bind(line.unit_price.to_string())
    .bind(line.line_price.to_string())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn update_status(tx: &mut Tx, change: &StatusChange) -> Result<(), DbError> {
    sqlx::query("UPDATE order_detail_view SET status = $1 WHERE order_id = $2")
        .bind(change.status.as_str())
        .bind(change.order_id.to_string())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

async fn insert_step(tx: &mut Tx, position: i64, change: &StatusChange) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO order_timeline_view (order_id, event_position, status, at, note) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (order_id, event_position) DO NOTHING",
    )
    .bind(change.order_id.to_string())
    .bind(position)
    .bind(change.status.as_str())
    .bind(timestamp_text(change.at))
    .bind(change.note.as_deref())
    .execute(&mut **tx)
    .await?;
    Ok(())
}
