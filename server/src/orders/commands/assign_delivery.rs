//! `AssignDelivery`: a driver takes a `ready` order out; records `OrderOutForDelivery`
//! with the driver's username, so the views can show who is on the way. The driver is a
//! driver account: a driver may give an order only to themselves, a manager to any
//! driver. The steps every lifecycle command shares are in `transition.rs`.

use crate::orders::commands::transition::change_status;
use crate::orders::lifecycle::Transition;
use crate::staff::role_of;
use app::contracts::{AssignDelivery, Caller, OrderStatusChanged, StaffRole};
use mediator::{Context, FieldError, Outcome, Problem, RequestHandler};
use sqlx::AnyPool;

/// Handles [`AssignDelivery`]; answers 200 with the order's new status, `delivering`.
pub(crate) struct AssignDeliveryHandler {
    /// Where the staff accounts are, to check the driver is one.
    pub pool: AnyPool,
}

impl RequestHandler<AssignDelivery> for AssignDeliveryHandler {
    #[tracing::instrument(name = "AssignDelivery", skip_all, fields(order_id = %command.order_id))]
    async fn handle(
        &self,
        command: AssignDelivery,
        ctx: &mut Context,
    ) -> Outcome<OrderStatusChanged> {
        // `AssignDelivery::validate` already refused a blank or over-long name.
        let driver = command.driver.trim().to_owned();
        if let Some(Caller::Staff(user)) = ctx.get::<Caller>()
            && user.role == StaffRole::Driver
            && user.username != driver
        {
            return Err(Problem::forbidden(
                "A driver takes orders out under their own name.",
            ));
        }
        if role_of(&self.pool, &driver).await? != Some(StaffRole::Driver) {
            let message = format!("There is no driver account named {driver:?}.");
            return Err(Problem::validation(vec![FieldError::new(
                "driver", message,
            )]));
        }
        change_status(ctx, command.order_id, Transition::AssignDelivery { driver }).await
    }
}
