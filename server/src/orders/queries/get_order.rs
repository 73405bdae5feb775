//! `GetOrder`: one order with its priced lines.

use crate::orders::store::find_details;
use app::contracts::{GetOrder, OrderDetails};
use mediator::{Context, Done, Outcome, Problem, RequestHandler};
use sqlx::AnyPool;

/// Answers [`GetOrder`]; an unknown id is a 404.
pub(crate) struct GetOrderHandler {
    pub pool: AnyPool,
}

impl RequestHandler<GetOrder> for GetOrderHandler {
    #[tracing::instrument(name = "GetOrder", skip_all, fields(order_id = %query.order_id))]
    async fn handle(&self, query: GetOrder, _ctx: &mut Context) -> Outcome<OrderDetails> {
        match find_details(&self.pool, query.order_id).await? {
            Some(details) => Ok(Done::ok(details)),
            None => Err(order_not_found(query.order_id)),
        }
    }
}

/// The problem both order queries answer for an id no order has.
pub(super) fn order_not_found(order_id: uuid::Uuid) -> Problem {
    Problem::not_found(format!("There is no order {order_id}."))
}
