//! `CancelOrder`: stops an order at any status before `delivered`; records
//! `OrderCancelled` with the reason, and refunds a paid card order (`RefundPayment`). Staff may cancel any order not yet delivered; an
//! anonymous caller (the customer, holding the order's id) only a `pending` one. The steps every lifecycle command shares are in
//! `transition.rs`.

use crate::db::transaction;
use crate::inventory::release_stock;
use crate::orders::commands::transition::{change_status, find_status};
use crate::orders::lifecycle::Transition;
use crate::payments::commands::{RefundPayment, RefundPaymentHandler};
use app::contracts::{Caller, CancelOrder, OrderStatus, OrderStatusChanged};
use mediator::{Context, Done, Outcome, Problem, RequestHandler};

/// Handles [`CancelOrder`]; answers 200 with the order's new status, `cancelled`.
pub(crate) struct CancelOrderHandler {
    /// Gives a paid card order's money back, in this command's transaction.
    pub refunds: RefundPaymentHandler,
}

impl RequestHandler<CancelOrder> for CancelOrderHandler {
    #[tracing::instrument(name = "CancelOrder", skip_all, fields(order_id = %command.order_id))]
    async fn handle(&self, command: CancelOrder, ctx: &mut Context) -> Outcome<OrderStatusChanged> {
        if ctx
            .get::<Caller>()
            .is_none_or(|caller| caller.staff().is_none())
        {
            refuse_unless_pending(ctx, command.order_id).await?;
        }
        // `CancelOrder::validate` already refused a blank or over-long reason.
        let reason = command.reason.trim().to_owned();
        let mut cancelled = change_status(ctx, command.order_id, Transition::Cancel { reason })
            .await?
            .value;
        // Stock an uncooked order held is free again (a cooked one's was used up).
        release_stock(ctx, command.order_id).await?;
        let refund = RefundPayment {
            order_id: command.order_id,
        };
        if let Some(refunded) = self.refunds.handle(refund, ctx).await?.value {
            // A read at this position shows the refund too.
            cancelled.position = refunded.position;
        }
        Ok(Done::ok(cancelled))
    }
}

/// A customer may take back an order only until the kitchen starts on it. An unknown
/// order goes on to answer 404 as for staff.
async fn refuse_unless_pending(ctx: &mut Context, order_id: uuid::Uuid) -> Result<(), Problem> {
    let status = find_status(transaction(ctx)?, order_id).await?;
    match status {
        Some((current, _)) if current != OrderStatus::Pending => Err(Problem::forbidden(
            "Only the pizzeria can cancel an order that is already being prepared.",
        )),
        _ => Ok(()),
    }
}
