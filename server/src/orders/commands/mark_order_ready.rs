//! `MarkOrderReady`: every pizza of a `cooking` order is out of the oven; records
//! `OrderReady`. The steps every lifecycle command shares are in `transition.rs`.

use crate::orders::commands::transition::change_status;
use crate::orders::lifecycle::Transition;
use app::contracts::{MarkOrderReady, OrderStatusChanged};
use mediator::{Context, Outcome, RequestHandler};

/// Handles [`MarkOrderReady`]; answers 200 with the order's new status, `ready`.
pub(crate) struct MarkOrderReadyHandler;

impl RequestHandler<MarkOrderReady> for MarkOrderReadyHandler {
    #[tracing::instrument(name = "MarkOrderReady", skip_all, fields(order_id = %command.order_id))]
    async fn handle(
        &self,
        command: MarkOrderReady,
        ctx: &mut Context,
    ) -> Outcome<OrderStatusChanged> {
        change_status(ctx, command.order_id, Transition::MarkReady).await
    }
}
