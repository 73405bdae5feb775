//! `DeliveryBoardView`: the drivers' board, the orders waiting for a driver and those on
//! the road (table `delivery_board_view`, read by `GetDeliveryBoard`).
//!
//! Only `OrderPlaced` carries the address, phone, payment and total a driver needs, so
//! every order has a row from its placement on, in lane 0 (not shown) until it is ready:
//! - `OrderPlaced`: a `pending` row in lane 0, with what the driver will need.
//! - `CookingStarted`: the row is `cooking`, still in lane 0.
//! - `OrderReady`: `ready`, lane 1, from when it came out of the oven.
//! - `OrderOutForDelivery`: `delivering`, lane 2, with the driver and when they left.
//! - `OrderDelivered`, `OrderCancelled`: the row goes.
//!
//! Each lane is ordered by the position of the event that moved the order into it, so
//! the longest waiting come first.

use crate::db::{DbError, Tx, insert_rows, timestamp_text};
use crate::orders::OrderEvent;
use crate::orders::views::{OrderView, PlaceRun, Placed, StatusChange};
use crate::projections::BoxFuture;
use app::contracts::OrderStatus;

/// Keeps `delivery_board_view` up to date.
pub(crate) struct DeliveryBoardView;

/// The lane of orders still in the kitchen: kept for what they carry, never shown.
pub(crate) const KITCHEN_LANE: i64 = 0;
/// The lane of `ready` orders, waiting for a driver; shown first.
const READY_LANE: i64 = 1;
/// The lane of `delivering` orders, on the road; shown after the ready ones.
const DELIVERING_LANE: i64 = 2;

impl OrderView for DeliveryBoardView {
    const NAME: &'static str = "delivery_board_view";
    const PLACE: PlaceRun = insert_tickets;

    async fn on(&self, tx: &mut Tx, position: i64, event: OrderEvent) -> Result<(), DbError> {
        let change = StatusChange::of(&event);
        match event {
            OrderEvent::OrderPlaced(order) => Self::PLACE(tx, &Placed::one(position, order)).await,
            // Cooking: a new status, the same lane.
            OrderEvent::CookingStarted(_) => change.set_status_in(tx, Self::NAME).await,
            // Still cooking: the board shows the order, not its pizzas.
            OrderEvent::PizzaReady(_) => Ok(()),
            OrderEvent::OrderReady(_) => mark_ready(tx, position, &change).await,
            OrderEvent::OrderOutForDelivery(_) => send_out(tx, position, &change).await,
            OrderEvent::OrderDelivered(_) | OrderEvent::OrderCancelled(_) => {
                remove(tx, &change).await
            }
        }
    }
}

/// A `pending` row in the kitchen lane for each order of `run`.
fn insert_tickets<'t>(tx: &'t mut Tx, run: &'t [Placed]) -> BoxFuture<'t, Result<(), DbError>> {
    Box::pin(insert_rows(
        tx,
        "INSERT INTO delivery_board_view (order_id, status, lane, lane_position, \
         customer_name, customer_phone, customer_address, payment_method, total_amount, \
         pizza_count)",
        10,
        "ON CONFLICT (order_id) DO NOTHING",
        run,
        |query, Placed { position, order }| {
            query
                .bind(order.order_id.to_string())
                .bind(OrderStatus::Pending.as_str())
                .bind(KITCHEN_LANE)
                .bind(*position)
                .bind(&order.customer_name)
                .bind(&order.customer_phone)
                .bind(&order.customer_address)
                .bind(order.payment_method.as_str())
                .bind(order.total_amount.to_string())
                .bind(order.pizza_count())
        },
    ))
}

async fn mark_ready(tx: &mut Tx, position: i64, change: &StatusChange) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE delivery_board_view SET status = $1, lane = $2, lane_position = $3, \
         ready_at = $4 WHERE order_id = $5",
    )
    .bind(change.status.as_str())
    .bind(READY_LANE)
    .bind(position)
    .bind(timestamp_text(change.at))
    .bind(change.order_id.to_string())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Delivering: the driver is the change's note.
async fn send_out(tx: &mut Tx, position: i64, change: &StatusChange) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE delivery_board_view SET status = $1, lane = $2, lane_position = $3, \
         driver = $4, out_at = $5 WHERE order_id = $6",
    )
    .bind(change.status.as_str())
    .bind(DELIVERING_LANE)
    .bind(position)
    .bind(change.note.as_deref())
    .bind(timestamp_text(change.at))
    .bind(change.order_id.to_string())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn remove(tx: &mut Tx, change: &StatusChange) -> Result<(), DbError> {
    sqlx::query("DELETE FROM delivery_board_view WHERE order_id = $1")
        .bind(change.order_id.to_string())
        .execute(&mut **tx)
        .await?;
    Ok(())
}
