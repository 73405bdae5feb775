//! `CancelOrder`: stops an order at any status before `delivered`; records
//! `OrderCancelled` with the reason. The steps every lifecycle command shares are in
//! `transition.rs`.

use crate::events::now;
use crate::orders::OrderCancelled;
use crate::orders::commands::transition::change_status;
use crate::orders::lifecycle::Transition;
use app::contracts::{CancelOrder, OrderStatusChanged};
use mediator::{Context, Outcome, RequestHandler};

/// Handles [`CancelOrder`]; answers 200 with the order's new status, `cancelled`.
pub(crate) struct CancelOrderHandler;

impl RequestHandler<CancelOrder> for CancelOrderHandler {
    #[tracing::instrument(name = "CancelOrder", skip_all, fields(order_id = %command.order_id))]
    async fn handle(&self, command: CancelOrder, ctx: &mut Context) -> Outcome<OrderStatusChanged> {
        // `CancelOrder::validate` already refused a blank or over-long reason.
        let reason = command.reason.trim().to_owned();
        let event = OrderCancelled {
            order_id: command.order_id,
            reason: reason.clone(),
            at: now(),
        };
        let transition = Transition::Cancel { reason };
        change_status(ctx, command.order_id, &transition, event).await
    }
}
