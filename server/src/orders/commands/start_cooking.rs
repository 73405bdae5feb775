//! `StartCooking`: the kitchen takes a `pending` order; records `CookingStarted`.
//! The steps every lifecycle command shares are in `transition.rs`.

use crate::events::now;
use crate::orders::CookingStarted;
use crate::orders::commands::transition::change_status;
use crate::orders::lifecycle::Transition;
use app::contracts::{OrderStatusChanged, StartCooking};
use mediator::{Context, Outcome, RequestHandler};

/// Handles [`StartCooking`]; answers 200 with the order's new status, `cooking`.
pub(crate) struct StartCookingHandler;

impl RequestHandler<StartCooking> for StartCookingHandler {
    #[tracing::instrument(name = "StartCooking", skip_all, fields(order_id = %command.order_id))]
    async fn handle(
        &self,
        command: StartCooking,
        ctx: &mut Context,
    ) -> Outcome<OrderStatusChanged> {
        let event = CookingStarted {
            order_id: command.order_id,
            at: now(),
        };
        change_status(ctx, command.order_id, &Transition::StartCooking, event).await
    }
}
