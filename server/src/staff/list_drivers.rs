//! `ListDrivers`: whom the caller may give an order to take out, from the staff
//! accounts: a driver only themselves, a manager every driver account.

use crate::staff::accounts;
use app::contracts::{Caller, ListDrivers, StaffRole};
use mediator::{Context, Done, Outcome, Problem, RequestHandler};
use sqlx::AnyPool;

/// Answers [`ListDrivers`] (drivers and managers; the policy table refuses the others).
pub(crate) struct ListDriversHandler {
    pub pool: AnyPool,
}

impl RequestHandler<ListDrivers> for ListDriversHandler {
    #[tracing::instrument(name = "ListDrivers", skip_all)]
    async fn handle(&self, _query: ListDrivers, ctx: &mut Context) -> Outcome<Vec<String>> {
        match ctx.get::<Caller>() {
            Some(Caller::Staff(user)) if user.role == StaffRole::Driver => {
                Ok(Done::ok(vec![user.username.clone()]))
            }
            Some(Caller::Staff(user)) if user.role == StaffRole::Manager => {
                let drivers = accounts::drivers(&self.pool).await?;
                Ok(Done::ok(drivers))
            }
            _ => Err(Problem::forbidden(
                "Only drivers and managers give orders out.",
            )),
        }
    }
}
