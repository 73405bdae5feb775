//! `OrderDetailView`: one order as its confirmation page shows it, with its priced lines
//! and the timeline of its statuses (tables `order_detail_view`, `order_detail_items_view`,
//! `order_timeline_view`). Read by `GetOrder`, `GetOrderStatus` and the kitchen queue.
//!
//! - `OrderPlaced`: the order with its bill, its lines, and the timeline's first step
//!   (`pending`).
//! - `CookingStarted` … `OrderCancelled`: the new status, and one more timeline step,
//!   keyed by the event's position.
//! - `PizzaReady`: the line is out of the oven (and by whom), and a timeline step of its
//!   own naming the pizza; the status stays `cooking`.

use crate::db::{DbError, Tx, insert_rows, timestamp_text};
use crate::orders::views::{OrderView, PlaceRun, Placed, StatusChange};
use crate::orders::{OrderEvent, OrderPlaced};
use crate::projections::BoxFuture;
use app::contracts::OrderLine;

/// Keeps the order detail tables up to date.
pub(crate) struct OrderDetailView;

impl OrderView for OrderDetailView {
    const NAME: &'static str = "order_detail_view";
    const TABLES: &'static [&'static str] =
        &["order_timeline_view", "order_detail_items_view", Self::NAME];
    const PLACE: PlaceRun = insert_orders;

    async fn on(&self, tx: &mut Tx, position: i64, event: OrderEvent) -> Result<(), DbError> {
        let change = StatusChange::of(&event);
        match event {
            OrderEvent::OrderPlaced(order) => {
                return Self::PLACE(tx, &Placed::one(position, order)).await;
            }
            OrderEvent::PizzaReady(ready) => {
                sqlx::query(
                    "UPDATE order_detail_items_view SET ready_at = $1, ready_by = $2 \
                     WHERE order_id = $3 AND line_no = $4",
                )
                .bind(timestamp_text(ready.at))
                .bind(ready.by.as_deref())
                .bind(ready.order_id.to_string())
                .bind(i64::from(ready.line))
                .execute(&mut **tx)
                .await?;
            }
            // Every other event moves the order on.
            _ => change.set_status_in(tx, Self::NAME).await?,
        }
        // Each is a step of its timeline.
        insert_steps(tx, &[(position, change)]).await
    }
}

/// The order's bill as stored: JSON, or NULL for an order placed before the shop had
/// charges (`GetOrder` then shows its pizzas as its total).
fn breakdown_json(order: &OrderPlaced) -> Option<String> {
    let breakdown = order.breakdown.as_ref()?;
    serde_json::to_string(breakdown).ok()
}

/// Each order of `run`, its lines, and the first step of its timeline: one statement
/// per table.
fn insert_orders<'t>(tx: &'t mut Tx, run: &'t [Placed]) -> BoxFuture<'t, Result<(), DbError>> {
    Box::pin(async move {
        insert_rows(
            tx,
            "INSERT INTO order_detail_view (order_id, status, customer_name, customer_phone, \
             customer_address, payment_method, total_amount, breakdown, placed_at, \
             estimated_ready_at)",
            10,
            "ON CONFLICT (order_id) DO NOTHING",
            run,
            |query, Placed { order, .. }| {
                query
                    .bind(order.order_id.to_string())
                    .bind(StatusChange::placed(order).status.as_str())
                    .bind(&order.customer_name)
                    .bind(&order.customer_phone)
                    .bind(&order.customer_address)
                    .bind(order.payment_method.as_str())
                    .bind(order.total_amount.to_string())
                    .bind(breakdown_json(order))
                    .bind(timestamp_text(order.placed_at))
                    .bind(timestamp_text(order.estimated_ready_at))
            },
        )
        .await?;
        let lines: Vec<(&OrderPlaced, usize, &OrderLine)> = run
            .iter()
            .flat_map(|Placed { order, .. }| {
                (order.lines.iter().enumerate()).map(move |(line_no, line)| (order, line_no, line))
            })
            .collect();
        insert_rows(
            tx,
            "INSERT INTO order_detail_items_view (order_id, line_no, pizza_id, pizza_name, \
             size, toppings, quantity, special_instructions, unit_price, line_price)",
            10,
            "ON CONFLICT (order_id, line_no) DO NOTHING",
            &lines,
            |query, (order, line_no, line)| {
                let toppings =
                    serde_json::to_string(&line.toppings).unwrap_or_else(|_| "[]".into());
                query
                    .bind(order.order_id.to_string())
                    .bind(*line_no as i64)
                    .bind(&line.pizza_id)
                    .bind(&line.pizza_name)
                    .bind(line.size.as_str())
                    .bind(toppings)
                    .bind(i64::from(line.quantity))
                    .bind(line.special_instructions.as_deref())
                    .bind(line.unit_price.to_string())
                    .bind(line.line_price.to_string())
            },
        )
        .await?;
        let steps: Vec<(i64, StatusChange)> = run
            .iter()
            .map(|placed| (placed.position, StatusChange::placed(&placed.order)))
            .collect();
        insert_steps(tx, &steps).await
    })
}

/// A timeline step for each (event position, change).
async fn insert_steps(tx: &mut Tx, steps: &[(i64, StatusChange)]) -> Result<(), DbError> {
    insert_rows(
        tx,
        "INSERT INTO order_timeline_view (order_id, event_position, status, at, note, done_by, \
         pizza_line, pizza)",
        8,
        "ON CONFLICT (order_id, event_position) DO NOTHING",
        steps,
        |query, (position, change)| {
            query
                .bind(change.order_id.to_string())
                .bind(*position)
                .bind(change.status.as_str())
                .bind(timestamp_text(change.at))
                .bind(change.note.as_deref())
                .bind(change.by.as_deref())
                .bind(change.pizza.as_ref().map(|pizza| i64::from(pizza.line)))
                .bind(change.pizza.as_ref().map(|pizza| pizza.name.as_str()))
        },
    )
    .await
}
