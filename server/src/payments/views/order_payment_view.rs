//! `OrderPaymentView`: each order's payment as its page shows it (`order_payment_view`)
//! and the payment's later steps for its timeline (`order_payment_steps_view`).
//!
//! - `PaymentCaptured`: the order's payment, `paid`, with brand, last four and reference.
//! - `PaymentRefunded`: `refunded`, and a timeline step.
//! - `CashCollected`: a cash payment `collected`, and a timeline step.
//!
//! An order with no row here is paid as it was placed and nothing moved yet: cash due.

use crate::db::{DbError, Tx, corrupt, timestamp, timestamp_text};
use crate::payments::PaymentEvent;
use crate::projections::View;
use app::contracts::{PaymentDetails, PaymentMethod, PaymentStatus};
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use uuid::Uuid;

/// Keeps the order payment tables up to date.
pub(crate) struct OrderPaymentView;

impl View for OrderPaymentView {
    type Event = PaymentEvent;
    const NAME: &'static str = "order_payment_view";
    const TABLES: &'static [&'static str] = &["order_payment_steps_view", Self::NAME];

    async fn on(&self, tx: &mut Tx, position: i64, event: PaymentEvent) -> Result<(), DbError> {
        match event {
            PaymentEvent::PaymentCaptured(e) => {
                sqlx::query(
                    "INSERT INTO order_payment_view (order_id, method, status, brand, last4, \
                     reference) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (order_id) DO NOTHING",
                )
                .bind(e.order_id.to_string())
                .bind(PaymentMethod::Card.as_str())
                .bind(PaymentStatus::Paid.as_str())
                .bind(&e.brand)
                .bind(&e.last4)
                .bind(&e.reference)
                .execute(&mut **tx)
                .await?;
                Ok(())
            }
            PaymentEvent::PaymentRefunded(e) => {
                set_status(tx, e.order_id, PaymentStatus::Refunded).await?;
                let note = format!("€{} back to the card", money(e.amount));
                add_step(
                    tx,
                    position,
                    e.order_id,
                    PaymentStatus::Refunded,
                    e.at,
                    &note,
                )
                .await
            }
            PaymentEvent::CashCollected(e) => {
                sqlx::query(
                    "INSERT INTO order_payment_view (order_id, method, status) \
                     VALUES ($1, $2, $3) ON CONFLICT (order_id) DO NOTHING",
                )
                .bind(e.order_id.to_string())
                .bind(PaymentMethod::Cash.as_str())
                .bind(PaymentStatus::Collected.as_str())
                .execute(&mut **tx)
                .await?;
                let note = format!("€{} in cash", money(e.amount));
                add_step(
                    tx,
                    position,
                    e.order_id,
                    PaymentStatus::Collected,
                    e.at,
                    &note,
                )
                .await
            }
        }
    }
}

/// An amount with its cents, as the pages show prices.
fn money(amount: Decimal) -> String {
    format!("{:.2}", amount)
}

async fn set_status(tx: &mut Tx, order_id: Uuid, status: PaymentStatus) -> Result<(), DbError> {
    sqlx::query("UPDATE order_payment_view SET status = $1 WHERE order_id = $2")
        .bind(status.as_str())
        .bind(order_id.to_string())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

async fn add_step(
    tx: &mut Tx,
    position: i64,
    order_id: Uuid,
    status: PaymentStatus,
    at: DateTime<Utc>,
    note: &str,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO order_payment_steps_view (event_position, order_id, status, at, note) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_position) DO NOTHING",
    )
    .bind(position)
    .bind(order_id.to_string())
    .bind(status.as_str())
    .bind(timestamp_text(at))
    .bind(note)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The order's payment; `None` when nothing moved yet (the order's own `payment_method`
/// then says how it will be paid).
pub(crate) async fn find_payment(
    tx: &mut Tx,
    order_id: Uuid,
) -> Result<Option<PaymentDetails>, DbError> {
    type Row = (
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let row: Option<Row> = sqlx::query_as(
        "SELECT method, status, brand, last4, reference FROM order_payment_view \
         WHERE order_id = $1",
    )
    .bind(order_id.to_string())
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|(method, status, brand, last4, reference)| {
        Ok(PaymentDetails {
            method: PaymentMethod::parse(&method)
                .ok_or_else(|| corrupt("order_payment_view.method", &method))?,
            status: PaymentStatus::parse(&status)
                .ok_or_else(|| corrupt("order_payment_view.status", &status))?,
            brand,
            last4,
            reference,
        })
    })
    .transpose()
}

/// A step of an order's payment after capture, for its timeline.
pub(crate) struct PaymentStep {
    pub position: i64,
    pub status: PaymentStatus,
    pub at: DateTime<Utc>,
    pub note: Option<String>,
}

/// The order's payment steps, oldest first.
pub(crate) async fn find_steps(tx: &mut Tx, order_id: Uuid) -> Result<Vec<PaymentStep>, DbError> {
    let rows: Vec<(i64, String, String, Option<String>)> = sqlx::query_as(
        "SELECT event_position, status, at, note FROM order_payment_steps_view \
         WHERE order_id = $1 ORDER BY event_position",
    )
    .bind(order_id.to_string())
    .fetch_all(&mut **tx)
    .await?;
    rows.into_iter()
        .map(|(position, status, at, note)| {
            Ok(PaymentStep {
                position,
                status: PaymentStatus::parse(&status)
                    .ok_or_else(|| corrupt("order_payment_steps_view.status", &status))?,
                at: timestamp("order_payment_steps_view.at", &at)?,
                note,
            })
        })
        .collect()
}
