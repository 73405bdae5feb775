//! `MarkCashCollected`: the driver collected a cash order's total, once it is out for
//! delivery or delivered; records `CashCollected` with who marked it. A card order, an
//! order still in the shop and cash already collected are each a 409.

use crate::db::transaction;
use crate::events::{now, record};
use crate::orders::find_billing;
use crate::payments::events::{CashCollected, PaymentEvent};
use crate::payments::store::{NewPayment, find_payment, insert_payment};
use app::contracts::{
    Caller, MarkCashCollected, OrderStatus, PaymentChanged, PaymentMethod, PaymentStatus,
};
use mediator::{Context, Done, Outcome, Problem, RequestHandler};

/// Handles [`MarkCashCollected`]; answers 200 with the payment `collected`.
pub(crate) struct MarkCashCollectedHandler;

impl RequestHandler<MarkCashCollected> for MarkCashCollectedHandler {
    #[tracing::instrument(name = "MarkCashCollected", skip_all, fields(order_id = %command.order_id))]
    async fn handle(
        &self,
        command: MarkCashCollected,
        ctx: &mut Context,
    ) -> Outcome<PaymentChanged> {
        let order_id = command.order_id;
        let by = ctx
            .get::<Caller>()
            .and_then(Caller::staff)
            .map_or_else(String::new, |staff| staff.username.clone());
        let tx = transaction(ctx)?;
        let (status, method, total) = find_billing(tx, order_id)
            .await?
            .ok_or_else(|| Problem::not_found(format!("No order has the id {order_id}.")))?;
        if method != PaymentMethod::Cash {
            return Err(Problem::conflict("This order was paid by card."));
        }
        if !matches!(status, OrderStatus::Delivering | OrderStatus::Delivered) {
            return Err(Problem::conflict(format!(
                "Cash is collected on delivery; this order is {}.",
                status.as_str()
            )));
        }
        if find_payment(tx, order_id).await?.is_some() {
            return Err(Problem::conflict(
                "The cash of this order was already collected.",
            ));
        }
        let event = PaymentEvent::CashCollected(CashCollected {
            order_id,
            amount: total,
            by,
            at: now(),
        });
        // The stream's first event: of two collections racing, the second fails here
        // with a 409, before it writes anything.
        let appended = record(ctx, 0, event).await?;
        let payment = NewPayment {
            order_id,
            method,
            status: PaymentStatus::Collected,
            amount: total,
            brand: None,
            last4: None,
            reference: None,
        };
        insert_payment(transaction(ctx)?, &payment).await?;
        Ok(Done::ok(PaymentChanged {
            order_id,
            status: PaymentStatus::Collected,
            position: appended.position,
        }))
    }
}
