//! Order persistence: writing a placed order with its event, and reading orders back.

use crate::db::{DbError, decimal, json_list, timestamp, timestamp_text, uuid};
use crate::orders::OrderPlaced;
use app::contracts::{
    OrderDetails, OrderLine, OrderStatus, OrderStatusInfo, PaymentMethod, PizzaSize,
};
use sqlx::{Any, AnyPool, Transaction};
use uuid::Uuid;

/// Writes the order and its lines (the write model). The caller appends the
/// `OrderPlaced` event in the same transaction.
pub(crate) async fn insert_placed_order(
    tx: &mut Transaction<'_, Any>,
    event: &OrderPlaced,
) -> Result<(), DbError> {
    let id = event.order_id.to_string();
    sqlx::query(
        "INSERT INTO orders (id, status, customer_name, customer_phone, customer_address, \
         payment_method, total_amount, created_at, estimated_ready_at, version) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1)",
    )
    .bind(&id)
    .bind(OrderStatus::Pending.as_str())
    .bind(&event.customer_name)
    .bind(&event.customer_phone)
    .bind(&event.customer_address)
    .bind(event.payment_method.as_str())
    .bind(event.total_amount.to_string())
    .bind(timestamp_text(event.placed_at))
    .bind(timestamp_text(event.estimated_ready_at))
    .execute(&mut **tx)
    .await?;
    for (line_no, line) in event.lines.iter().enumerate() {
        insert_line(tx, &id, line_no, line).await?;
    }
    Ok(())
}

async fn insert_line(
    tx: &mut Transaction<'_, Any>,
    order_id: &str,
    line_no: usize,
    line: &OrderLine,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO order_items (order_id, line_no, pizza_id, pizza_name, size, toppings, \
         quantity, special_instructions, unit_price, line_price) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(order_id)
    .bind(line_no as i64)
    .bind(&line.pizza_id)
    .bind(&line.pizza_name)
    .bind(line.size.as_str())
    .bind(serde_json::to_string(&line.toppings).unwrap_or_else(|_| "[]".into()))
    .bind(i64::from(line.quantity))
    .bind(line.special_instructions.as_deref())
    .bind(line.unit_price.to_string())
    .bind(line.line_price.to_string())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

type HeaderRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
);

/// The order's status and header, or `None` when no order has that id.
pub(crate) async fn find_status(
    pool: &AnyPool,
    id: Uuid,
) -> Result<Option<OrderStatusInfo>, DbError> {
    Ok(find_header(pool, id).await?.map(|details| OrderStatusInfo {
        order_id: details.order_id,
        status: details.status,
        customer_name: details.customer_name,
        estimated_ready_time: details.estimated_ready_time,
    }))
}

/// The whole order with its lines, or `None` when no order has that id.
pub(crate) async fn find_details(
    pool: &AnyPool,
    id: Uuid,
) -> Result<Option<OrderDetails>, DbError> {
    let Some(mut details) = find_header(pool, id).await? else {
        return Ok(None);
    };
    details.items = find_lines(pool, id).await?;
    Ok(Some(details))
}

async fn find_header(pool: &AnyPool, id: Uuid) -> Result<Option<OrderDetails>, DbError> {
    let row: Option<HeaderRow> = sqlx::query_as(
        "SELECT id, status, customer_name, customer_address, payment_method, total_amount, \
         created_at, estimated_ready_at FROM orders WHERE id = $1",
    )
    .bind(id.to_string())
    .fetch_optional(pool)
    .await?;
    let Some((id, status, name, address, payment, total, created, ready)) = row else {
        return Ok(None);
    };
    Ok(Some(OrderDetails {
        order_id: uuid("orders.id", &id)?,
        status: OrderStatus::parse(&status).ok_or_else(|| corrupt("orders.status", &status))?,
        customer_name: name,
        customer_address: address,
        payment_method: parse_payment(&payment)?,
        items: Vec::new(),
        total_amount: decimal("orders.total_amount", &total)?,
        created_at: timestamp("orders.created_at", &created)?,
        estimated_ready_time: timestamp("orders.estimated_ready_at", &ready)?,
    }))
}

type LineRow = (
    String,
    String,
    String,
    String,
    i64,
    Option<String>,
    String,
    String,
);

async fn find_lines(pool: &AnyPool, id: Uuid) -> Result<Vec<OrderLine>, DbError> {
    let rows: Vec<LineRow> = sqlx::query_as(
        "SELECT pizza_id, pizza_name, size, toppings, quantity, special_instructions, \
         unit_price, line_price FROM order_items WHERE order_id = $1 ORDER BY line_no",
    )
    .bind(id.to_string())
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(
            |(pizza_id, pizza_name, size, toppings, quantity, instructions, unit, line)| {
                Ok(OrderLine {
                    pizza_id,
                    pizza_name,
                    size: PizzaSize::parse(&size)
                        .ok_or_else(|| corrupt("order_items.size", &size))?,
                    toppings: json_list("order_items.toppings", &toppings)?,
                    quantity: u32::try_from(quantity)
                        .map_err(|_| corrupt("order_items.quantity", &quantity.to_string()))?,
                    special_instructions: instructions,
                    unit_price: decimal("order_items.unit_price", &unit)?,
                    line_price: decimal("order_items.line_price", &line)?,
                })
            },
        )
        .collect()
}

fn parse_payment(value: &str) -> Result<PaymentMethod, DbError> {
    match value {
        "cash" => Ok(PaymentMethod::Cash),
        "card" => Ok(PaymentMethod::Card),
        other => Err(corrupt("orders.payment_method", other)),
    }
}

fn corrupt(column: &'static str, value: &str) -> DbError {
    DbError::Corrupt {
        column,
        value: value.to_owned(),
    }
}
