//! `ProcessPayment`: charges a card order's total through the [`PaymentGateway`]
//! (`crate::payments::PaymentGateway`) and records `PaymentCaptured` with the card's
//! brand, last four digits and the gateway's reference, never its number or security
//! code. `PlaceOrder` charges before it opens its transaction, so no writer waits on the
//! gateway, then stores the payment and appends the capture in that transaction; when
//! the placement does not commit, it refunds the charge.

use crate::db::Tx;
use crate::events::now;
use crate::payments::Payments;
use crate::payments::commands::gateway_problem;
use crate::payments::events::PaymentCaptured;
use crate::payments::gateway::ChargeRequest;
use crate::payments::store::{NewPayment, insert_payment};
use app::contracts::{CardDetails, PaymentMethod, PaymentStatus};
use chrono::{DateTime, Datelike, Utc};
use mediator::{FieldError, Problem};
use rust_decimal::Decimal;
use uuid::Uuid;

/// Charges `amount` on `card` for the order `order_id`.
#[derive(Debug)]
pub(crate) struct ProcessPayment {
    pub order_id: Uuid,
    pub amount: Decimal,
    pub card: CardDetails,
}

/// Charges cards and records what was charged.
pub(crate) struct ProcessPaymentHandler {
    pub gateway: Payments,
}

impl ProcessPaymentHandler {
    /// Charges the card, holding no transaction: 422 for an invalid or expired card, 402
    /// when the gateway refuses it, 503 when it cannot be reached. Answers the capture
    /// to [`save`](Self::save) with the order, or to
    /// [`refund_unplaced`](Self::refund_unplaced) if it is not.
    #[tracing::instrument(name = "ProcessPayment", skip_all, fields(order_id = %command.order_id))]
    pub(crate) async fn charge(&self, command: ProcessPayment) -> Result<PaymentCaptured, Problem> {
        let errors = command.card.field_errors();
        if !errors.is_empty() {
            return Err(Problem::validation(errors));
        }
        refuse_expired(&command.card, now())?;
        let request = ChargeRequest {
            order_id: command.order_id,
            amount: command.amount,
            card: &command.card,
        };
        let reference = self.gateway.charge(request).await.map_err(|error| {
            tracing::info!(reason = %error, "card refused");
            gateway_problem(error)
        })?;
        Ok(PaymentCaptured {
            order_id: command.order_id,
            amount: command.amount,
            brand: command.card.brand().to_owned(),
            last4: command.card.last4(),
            reference,
            at: now(),
        })
    }

    /// Stores the payment `paid`, in the command's transaction; the command appends
    /// `PaymentCaptured` with its other events.
    pub(crate) async fn save(tx: &mut Tx, captured: &PaymentCaptured) -> Result<(), Problem> {
        let payment = NewPayment {
            order_id: captured.order_id,
            method: PaymentMethod::Card,
            status: PaymentStatus::Paid,
            amount: captured.amount,
            brand: Some(&captured.brand),
            last4: Some(&captured.last4),
            reference: Some(&captured.reference),
        };
        Ok(insert_payment(tx, &payment).await?)
    }

    /// Gives back a charge whose order was not stored (the stock ran out meanwhile, the
    /// price changed, the database failed). A refund the gateway refuses is logged as an
    /// error, with the order id and the charge's reference staff refund it by.
    pub(crate) async fn refund_unplaced(&self, captured: &PaymentCaptured) {
        match self
            .gateway
            .refund(&captured.reference, captured.amount)
            .await
        {
            Ok(refund) => tracing::info!(
                order_id = %captured.order_id,
                charge = %captured.reference,
                refund,
                "refunded the charge of an order that was not placed"
            ),
            Err(error) => tracing::error!(
                order_id = %captured.order_id,
                charge = %captured.reference,
                amount = %captured.amount,
                %error,
                "could not refund the charge of an order that was not placed: refund it by hand"
            ),
        }
    }
}

/// 422 naming `card.exp_month` for a card whose month is over at `today`.
fn refuse_expired(card: &CardDetails, today: DateTime<Utc>) -> Result<(), Problem> {
    if card.expired_at(today.year().unsigned_abs(), today.month()) {
        let message = format!(
            "This card expired at the end of {:02}/{}.",
            card.exp_month, card.exp_year
        );
        return Err(Problem::validation(vec![FieldError::new(
            "card.exp_month",
            message,
        )]));
    }
    Ok(())
}
