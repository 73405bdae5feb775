//! `GetOrderStatus`: where an order is, without its lines.

use super::get_order::order_not_found;
use crate::orders::store::find_status;
use app::contracts::{GetOrderStatus, OrderStatusInfo};
use mediator::{Context, Done, Outcome, RequestHandler};
use sqlx::AnyPool;

/// Answers [`GetOrderStatus`]; an unknown id is a 404.
pub(crate) struct GetOrderStatusHandler {
    pub pool: AnyPool,
}

impl RequestHandler<GetOrderStatus> for GetOrderStatusHandler {
    #[tracing::instrument(name = "GetOrderStatus", skip_all, fields(order_id = %query.order_id))]
    async fn handle(&self, query: GetOrderStatus, _ctx: &mut Context) -> Outcome<OrderStatusInfo> {
        match find_status(&self.pool, query.order_id).await? {
            Some(status) => Ok(Done::ok(status)),
            None => Err(order_not_found(query.order_id)),
        }
    }
}
