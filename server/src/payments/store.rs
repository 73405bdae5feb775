//! Payment persistence (the write model): the `payments` row of each order whose money
//! moved, which the payment commands read and change. Queries read `order_payment_view`.

use crate::db::{DbError, Tx, corrupt, decimal};
use app::contracts::{PaymentMethod, PaymentStatus};
use rust_decimal::Decimal;
use uuid::Uuid;

/// An order's payment as the write model keeps it.
pub(crate) struct StoredPayment {
    pub status: PaymentStatus,
    pub amount: Decimal,
    pub reference: Option<String>,
    /// The number of events in the payment's stream.
    pub version: i64,
}

/// The payment of `order_id`, if money moved for it.
pub(crate) async fn find_payment(
    tx: &mut Tx,
    order_id: Uuid,
) -> Result<Option<StoredPayment>, DbError> {
    let row: Option<(String, String, Option<String>, i64)> = sqlx::query_as(
        "SELECT status, amount, reference, version FROM payments WHERE order_id = $1",
    )
    .bind(order_id.to_string())
    .fetch_optional(&mut **tx)
    .await?;
    let Some((status, amount, reference, version)) = row else {
        return Ok(None);
    };
    Ok(Some(StoredPayment {
        status: PaymentStatus::parse(&status).ok_or_else(|| corrupt("payments.status", &status))?,
        amount: decimal("payments.amount", &amount)?,
        reference,
        version,
    }))
}

/// A payment row to write: a card charged (with its brand, last four digits and
/// reference) or cash collected.
pub(crate) struct NewPayment<'a> {
    pub order_id: Uuid,
    pub method: PaymentMethod,
    pub status: PaymentStatus,
    pub amount: Decimal,
    pub brand: Option<&'a str>,
    pub last4: Option<&'a str>,
    pub reference: Option<&'a str>,
}

/// Writes a new payment at version 1 (its stream's first event).
pub(crate) async fn insert_payment(tx: &mut Tx, payment: &NewPayment<'_>) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO payments (order_id, method, status, amount, brand, last4, reference, \
         version) VALUES ($1, $2, $3, $4, $5, $6, $7, 1)",
    )
    .bind(payment.order_id.to_string())
    .bind(payment.method.as_str())
    .bind(payment.status.as_str())
    .bind(payment.amount.to_string())
    .bind(payment.brand)
    .bind(payment.last4)
    .bind(payment.reference)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Moves the payment to `status` and the next version, only if it is still at
/// `version`; answers whether it did.
pub(crate) async fn update_payment_status(
    tx: &mut Tx,
    order_id: Uuid,
    status: PaymentStatus,
    version: i64,
) -> Result<bool, DbError> {
    let updated = sqlx::query(
        "UPDATE payments SET status = $1, version = $2 WHERE order_id = $3 AND version = $4",
    )
    .bind(status.as_str())
    .bind(version + 1)
    .bind(order_id.to_string())
    .bind(version)
    .execute(&mut **tx)
    .await?;
    Ok(updated.rows_affected() == 1)
}
