//! `CustomerHistoryView`: per customer (the digits of their phone), how many orders
//! they placed and what they spent, and how many of each pizza they ordered, for their
//! top 3 (tables `customer_history_view`, `customer_pizza_counts_view`). Cancelled orders
//! count nowhere, so the view remembers what each order added while it can still be
//! cancelled (`customer_open_orders_view`, `customer_open_order_pizzas_view`).
//!
//! - `OrderPlaced`: one more order, its total and its pizzas; remembered as open.
//! - `OrderCancelled`: an open order's figures are taken back out, and it is forgotten.
//! - `OrderDelivered`: the order can no longer be cancelled, so it is forgotten.

use crate::db::{DbError, Tx, decimal};
use crate::events::StoredEvent;
use crate::orders::views::pizza_quantities;
use crate::orders::{OrderCancelled, OrderDelivered, OrderPlaced};
use crate::projections::{BoxFuture, Projection};
use app::contracts::phone_key;
use rust_decimal::Decimal;
use uuid::Uuid;

/// Keeps the customer tables up to date.
pub(crate) struct CustomerHistoryView;

impl Projection for CustomerHistoryView {
    fn name(&self) -> &'static str {
        "customer_history_view"
    }

    fn tables(&self) -> &'static [&'static str] {
        &[
            "customer_open_order_pizzas_view",
            "customer_open_orders_view",
            "customer_pizza_counts_view",
            "customer_history_view",
        ]
    }

    fn apply<'a>(
        &'a self,
        tx: &'a mut Tx,
        event: &'a StoredEvent,
    ) -> BoxFuture<'a, Result<(), DbError>> {
        Box::pin(async move {
            if let Some(placed) = event.decode::<OrderPlaced>() {
                add_order(tx, &placed?).await
            } else if let Some(cancelled) = event.decode::<OrderCancelled>() {
                take_back(tx, cancelled?.order_id).await
            } else if let Some(delivered) = event.decode::<OrderDelivered>() {
                forget(tx, &delivered?.order_id.to_string()).await
            } else {
                Ok(())
            }
        })
    }
}

async fn add_order(tx: &mut Tx, order: &OrderPlaced) -> Result<(), DbError> {
    let key = phone_key(&order.customer_phone);
    let order_id = order.order_id.to_string();
    add_to_totals(tx, &key, &order.customer_phone, 1, order.total_amount).await?;
    sqlx::query(
        "INSERT INTO customer_open_orders_view (order_id, phone_key, total_amount) \
         VALUES ($1, $2, $3) ON CONFLICT (order_id) DO NOTHING",
    )
    .bind(&order_id)
    .bind(&key)
    .bind(order.total_amount.to_string())
    .execute(&mut **tx)
    .await?;
    for pizza in pizza_quantities(order) {
        sqlx::query(
            "INSERT INTO customer_pizza_counts_view (phone_key, pizza_id, pizza_name, quantity) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (phone_key, pizza_id) DO UPDATE SET \
             pizza_name = excluded.pizza_name, \
             quantity = customer_pizza_counts_view.quantity + excluded.quantity",
        )
        .bind(&key)
        .bind(&pizza.pizza_id)
        .bind(&pizza.pizza_name)
        .bind(pizza.quantity)
        .execute(&mut **tx)
        .await?;
        sqlx::query(
            "INSERT INTO customer_open_order_pizzas_view (order_id, pizza_id, quantity) \
             VALUES ($1, $2, $3) ON CONFLICT (order_id, pizza_id) DO NOTHING",
        )
        .bind(&order_id)
        .bind(&pizza.pizza_id)
        .bind(pizza.quantity)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Adds `orders` orders worth `amount` (both negative to take back) to the customer's
/// totals. Money is decimal text, so the sum is computed here rather than in SQL.
async fn add_to_totals(
    tx: &mut Tx,
    key: &str,
    phone: &str,
    orders: i64,
    amount: Decimal,
) -> Result<(), DbError> {
    let current: Option<(i64, String)> = sqlx::query_as(
        "SELECT order_count, total_spent FROM customer_history_view WHERE phone_key = $1",
    )
    .bind(key)
    .fetch_optional(&mut **tx)
    .await?;
    let (count, spent) = match current {
        Some((count, spent)) => (count, decimal("customer_history_view.total_spent", &spent)?),
        None => (0, Decimal::ZERO),
    };
    sqlx::query(
        "INSERT INTO customer_history_view (phone_key, customer_phone, order_count, total_spent) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (phone_key) DO UPDATE SET \
         customer_phone = excluded.customer_phone, order_count = excluded.order_count, \
         total_spent = excluded.total_spent",
    )
    .bind(key)
    .bind(phone)
    .bind(count + orders)
    .bind((spent + amount).to_string())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Takes a cancelled order's figures back out, if it was still open.
async fn take_back(tx: &mut Tx, order_id: Uuid) -> Result<(), DbError> {
    let order_id = order_id.to_string();
    let open: Option<(String, String)> = sqlx::query_as(
        "SELECT phone_key, total_amount FROM customer_open_orders_view WHERE order_id = $1",
    )
    .bind(&order_id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some((key, total)) = open else {
        return Ok(());
    };
    let total = decimal("customer_open_orders_view.total_amount", &total)?;
    let phone: (String,) =
        sqlx::query_as("SELECT customer_phone FROM customer_history_view WHERE phone_key = $1")
            .bind(&key)
            .fetch_one(&mut **tx)
            .await?;
    add_to_totals(tx, &key, &phone.0, -1, -total).await?;
    let pizzas: Vec<(String, i64)> = sqlx::query_as(
        "SELECT pizza_id, quantity FROM customer_open_order_pizzas_view WHERE order_id = $1 \
         ORDER BY pizza_id",
    )
    .bind(&order_id)
    .fetch_all(&mut **tx)
    .await?;
    for (pizza_id, quantity) in pizzas {
        sqlx::query(
            "UPDATE customer_pizza_counts_view SET quantity = quantity - $1 \
             WHERE phone_key = $2 AND pizza_id = $3",
        )
        .bind(quantity)
        .bind(&key)
        .bind(pizza_id)
        .execute(&mut **tx)
        .await?;
    }
    forget(tx, &order_id).await
}

/// Drops what the view remembered of an order that can no longer be cancelled.
async fn forget(tx: &mut Tx, order_id: &str) -> Result<(), DbError> {
    for sql in [
        "DELETE FROM customer_open_order_pizzas_view WHERE order_id = $1",
        "DELETE FROM customer_open_orders_view WHERE order_id = $1",
    ] {
        sqlx::query(sql).bind(order_id).execute(&mut **tx).await?;
    }
    Ok(())
}
