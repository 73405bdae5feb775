//! `MarkOrderDelivered`: the customer received a `delivering` order; records
//! `OrderDelivered`, after which the order is final. The steps every lifecycle command
//! shares are in `transition.rs`.

use crate::orders::commands::transition::change_status;
use crate::orders::lifecycle::Transition;
use app::contracts::{MarkOrderDelivered, OrderStatusChanged};
use mediator::{Context, Outcome, RequestHandler};

/// Handles [`MarkOrderDelivered`]; answers 200 with the order's new status, `delivered`.
pub(crate) struct MarkOrderDeliveredHandler;

impl RequestHandler<MarkOrderDelivered> for MarkOrderDeliveredHandler {
    #[tracing::instrument(name = "MarkOrderDelivered", skip_all, fields(order_id = %command.order_id))]
    async fn handle(
        &self,
        command: MarkOrderDelivered,
        ctx: &mut Context,
    ) -> Outcome<OrderStatusChanged> {
        change_status(ctx, command.order_id, Transition::MarkDelivered).await
    }
}
