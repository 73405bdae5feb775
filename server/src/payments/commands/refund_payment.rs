//! `RefundPayment`: gives back a paid card order's charge through the gateway and
//! records `PaymentRefunded`. Sent by `CancelOrder` to this handler inside the
//! cancellation's transaction: if the gateway fails, the order is not cancelled either
//! (503), so a customer is never left with a cancelled order they paid for.

use crate::db::transaction;
use crate::events::{now, record};
use crate::payments::Payments;
use crate::payments::commands::gateway_problem;
use crate::payments::events::{PaymentEvent, PaymentRefunded};
use crate::payments::store::{find_payment, update_payment_status};
use app::contracts::{PaymentChanged, PaymentStatus};
use mediator::{Context, Done, Outcome, Problem, Request, RequestHandler, RequestKind};
use uuid::Uuid;

/// Refunds the order's card payment, if it has one that is paid.
#[derive(Debug)]
pub(crate) struct RefundPayment {
    pub order_id: Uuid,
}

impl Request for RefundPayment {
    /// `None` when there was nothing to refund (cash, or not paid).
    type Response = Option<PaymentChanged>;
    const KIND: RequestKind = RequestKind::Command;
}

/// Handles [`RefundPayment`].
pub(crate) struct RefundPaymentHandler {
    pub gateway: Payments,
}

impl RequestHandler<RefundPayment> for RefundPaymentHandler {
    #[tracing::instrument(name = "RefundPayment", skip_all, fields(order_id = %command.order_id))]
    async fn handle(
        &self,
        command: RefundPayment,
        ctx: &mut Context,
    ) -> Outcome<Option<PaymentChanged>> {
        let order_id = command.order_id;
        let paid = find_payment(transaction(ctx)?, order_id)
            .await?
            .filter(|payment| payment.status == PaymentStatus::Paid);
        let Some((payment, charge)) =
            paid.and_then(|payment| payment.reference.clone().map(|charge| (payment, charge)))
        else {
            return Ok(Done::ok(None));
        };
        // Moved first, so that of two cancellations racing only one reaches the gateway.
        let tx = transaction(ctx)?;
        if !update_payment_status(tx, order_id, PaymentStatus::Refunded, payment.version).await? {
            return Err(Problem::conflict(
                "The payment was changed at the same time; reload the order and try again.",
            ));
        }
        let reference = self
            .gateway
            .refund(&charge, payment.amount)
            .await
            .map_err(gateway_problem)?;
        let event = PaymentEvent::PaymentRefunded(PaymentRefunded {
            order_id,
            amount: payment.amount,
            reference,
            at: now(),
        });
        let appended = record(ctx, payment.version, event).await?;
        Ok(Done::ok(Some(PaymentChanged {
            order_id,
            status: PaymentStatus::Refunded,
            position: appended.position,
        })))
    }
}
