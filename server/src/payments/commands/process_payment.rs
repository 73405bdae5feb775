//! `ProcessPayment`: charges a card order's total through the [`PaymentGateway`]
//! (`crate::payments::PaymentGateway`) and records `PaymentCaptured` with the card's
//! brand, last four digits and the gateway's reference, never its number or security
//! code. Sent by `PlaceOrder` to this handler inside the placement's transaction: a
//! refusal (402) rolls the whole placement back.

use crate::db::transaction;
use crate::events::{now, record};
use crate::payments::Payments;
use crate::payments::commands::gateway_problem;
use crate::payments::events::{PaymentCaptured, PaymentEvent};
use crate::payments::gateway::ChargeRequest;
use crate::payments::store::{NewPayment, insert_payment};
use app::contracts::{CardDetails, PaymentChanged, PaymentMethod, PaymentStatus};
use chrono::{DateTime, Datelike, Utc};
use mediator::{Context, Done, FieldError, Outcome, Problem, Request, RequestHandler, RequestKind};
use rust_decimal::Decimal;
use uuid::Uuid;

/// Charges `amount` on `card` for the order `order_id`.
#[derive(Debug)]
pub(crate) struct ProcessPayment {
    pub order_id: Uuid,
    pub amount: Decimal,
    pub card: CardDetails,
}

impl Request for ProcessPayment {
    type Response = PaymentChanged;
    const KIND: RequestKind = RequestKind::Command;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let errors = self.card.field_errors();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// Handles [`ProcessPayment`]; answers the payment `paid`, 422 for an invalid or expired
/// card, 402 when the gateway refuses it.
pub(crate) struct ProcessPaymentHandler {
    pub gateway: Payments,
}

impl RequestHandler<ProcessPayment> for ProcessPaymentHandler {
    #[tracing::instrument(name = "ProcessPayment", skip_all, fields(order_id = %command.order_id))]
    async fn handle(&self, command: ProcessPayment, ctx: &mut Context) -> Outcome<PaymentChanged> {
        command.validate().map_err(Problem::validation)?;
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
        let captured = PaymentCaptured {
            order_id: command.order_id,
            amount: command.amount,
            brand: command.card.brand().to_owned(),
            last4: command.card.last4(),
            reference,
            at: now(),
        };
        let payment = NewPayment {
            order_id: captured.order_id,
            method: PaymentMethod::Card,
            status: PaymentStatus::Paid,
            amount: captured.amount,
            brand: Some(&captured.brand),
            last4: Some(&captured.last4),
            reference: Some(&captured.reference),
        };
        insert_payment(transaction(ctx)?, &payment).await?;
        let appended = record(ctx, 0, PaymentEvent::PaymentCaptured(captured)).await?;
        Ok(Done::ok(PaymentChanged {
            order_id: command.order_id,
            status: PaymentStatus::Paid,
            position: appended.position,
        }))
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
