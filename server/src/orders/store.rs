//! Order persistence (the write model): writing a placed order. Only commands touch
//! these tables; every query reads the read models (`orders::views`) instead.

use crate::db::Tx;
use crate::db::{DbError, corrupt, decimal, insert_rows, timestamp_text};
use crate::orders::OrderPlaced;
use app::contracts::{OrderLine, OrderStatus, PaymentMethod};
use rust_decimal::Decimal;

/// Writes the order and its lines (the write model), the lines in one statement. The caller appends the
/// `OrderPlaced` event in the same transaction.
pub(crate) async fn insert_placed_order(tx: &mut Tx, event: &OrderPlaced) -> Result<(), DbError> {
    let id = event.order_id.to_string();
    sqlx::query(
        "INSERT INTO orders (id, status, customer_name, customer_phone, customer_address, \
         customer_username, payment_method, total_amount, created_at, estimated_ready_at, \
         version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1)",
    )
    .bind(&id)
    .bind(OrderStatus::Pending.as_str())
    .bind(&event.customer_name)
    .bind(&event.customer_phone)
    .bind(&event.customer_address)
    .bind(&event.customer_username)
    .bind(event.payment_method.as_str())
    .bind(event.total_amount.to_string())
    .bind(timestamp_text(event.placed_at))
    .bind(timestamp_text(event.estimated_ready_at))
    .execute(&mut **tx)
    .await?;
    let lines: Vec<(usize, &OrderLine)> = event.lines.iter().enumerate().collect();
    insert_rows(
        tx,
        "INSERT INTO order_items (order_id, line_no, pizza_id, pizza_name, size, toppings, \
         quantity, special_instructions, unit_price, line_price)",
        10,
        "",
        &lines,
        |query, (line_no, line)| {
            query
                .bind(id.clone())
                .bind(*line_no as i64)
                .bind(&line.pizza_id)
                .bind(&line.pizza_name)
                .bind(line.size.as_str())
                .bind(serde_json::to_string(&line.toppings).unwrap_or_else(|_| "[]".into()))
                .bind(i64::from(line.quantity))
                .bind(line.special_instructions.as_deref())
                .bind(line.unit_price.to_string())
                .bind(line.line_price.to_string())
        },
    )
    .await
}

/// What the payments slice needs to know of an order: its status, how it is paid and
/// what it costs; `None` when no order has that id.
pub(crate) async fn find_billing(
    tx: &mut Tx,
    order_id: uuid::Uuid,
) -> Result<Option<(OrderStatus, PaymentMethod, Decimal)>, DbError> {
    let row: Option<(String, String, String)> =
        sqlx::query_as("SELECT status, payment_method, total_amount FROM orders WHERE id = $1")
            .bind(order_id.to_string())
            .fetch_optional(&mut **tx)
            .await?;
    let Some((status, method, total)) = row else {
        return Ok(None);
    };
    Ok(Some((
        OrderStatus::parse(&status).ok_or_else(|| corrupt("orders.status", &status))?,
        PaymentMethod::parse(&method).ok_or_else(|| corrupt("orders.payment_method", &method))?,
        decimal("orders.total_amount", &total)?,
    )))
}
