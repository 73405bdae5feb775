//! `GetMyOrders`: the signed-in customer's own history, keyed by their account, so it
//! holds exactly the orders they placed while signed in.

use crate::orders::account_key;
use crate::orders::queries::get_customer_history::HistoryPage;
use crate::projections::ReadModels;
use app::contracts::{Caller, CustomerHistory, GetMyOrders};
use mediator::{Context, Done, Outcome, Problem, RequestHandler};

/// Answers [`GetMyOrders`] for the customer in the context (the policy lets no one else
/// through).
pub(crate) struct GetMyOrdersHandler {
    pub read: ReadModels,
}

impl RequestHandler<GetMyOrders> for GetMyOrdersHandler {
    #[tracing::instrument(name = "GetMyOrders", skip_all, fields(page = query.page))]
    async fn handle(&self, query: GetMyOrders, ctx: &mut Context) -> Outcome<CustomerHistory> {
        let Some(customer) = ctx.get::<Caller>().and_then(Caller::customer) else {
            return Err(Problem::unauthorized("Sign in to see your orders."));
        };
        let page = HistoryPage {
            key: account_key(&customer.username),
            page: query.page,
            page_size: query.page_size,
            min_position: query.min_position,
        };
        Ok(Done::ok(page.read(&self.read, "").await?))
    }
}
