//! `AssignDelivery`: a driver takes a `ready` order out; records `OrderOutForDelivery`
//! with the driver's name, so the views can show who is on the way. The steps every
//! lifecycle command shares are in `transition.rs`.

use crate::orders::commands::transition::change_status;
use crate::orders::lifecycle::Transition;
use app::contracts::{AssignDelivery, OrderStatusChanged};
use mediator::{Context, Outcome, RequestHandler};

/// Handles [`AssignDelivery`]; answers 200 with the order's new status, `delivering`.
pub(crate) struct AssignDeliveryHandler;

impl RequestHandler<AssignDelivery> for AssignDeliveryHandler {
    #[tracing::instrument(name = "AssignDelivery", skip_all, fields(order_id = %command.order_id))]
    async fn handle(
        &self,
        command: AssignDelivery,
        ctx: &mut Context,
    ) -> Outcome<OrderStatusChanged> {
        // `AssignDelivery::validate` already refused a blank or over-long name.
        let driver = command.driver.trim().to_owned();
        change_status(ctx, command.order_id, Transition::AssignDelivery { driver }).await
    }
}
