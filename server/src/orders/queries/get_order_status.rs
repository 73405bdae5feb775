//! `GetOrderStatus`: where an order is, without its lines, read from the order detail
//! view (after waiting for `min_position`, when given).

use super::get_order::{find_header, find_order};
use crate::projections::ReadModels;
use app::contracts::{GetOrderStatus, OrderDetails, OrderStatusInfo};
use mediator::{Context, Outcome, Problem, RequestHandler};
use uuid::Uuid;

/// Answers [`GetOrderStatus`]; an unknown id is a 404, once the read models caught up
/// with every committed event (`find_order`).
pub(crate) struct GetOrderStatusHandler {
    pub read: ReadModels,
    /// Orders the kitchen cooks at once, for the estimate as the queue stands.
    pub kitchen_capacity: u32,
}

impl RequestHandler<GetOrderStatus> for GetOrderStatusHandler {
    #[tracing::instrument(name = "GetOrderStatus", skip_all, fields(order_id = %query.order_id))]
    async fn handle(&self, query: GetOrderStatus, _ctx: &mut Context) -> Outcome<OrderStatusInfo> {
        let find = |min_position| self.find(query.order_id, min_position);
        find_order(&self.read, query.order_id, query.min_position, find).await
    }
}

impl GetOrderStatusHandler {
    async fn find(
        &self,
        id: Uuid,
        min_position: Option<i64>,
    ) -> Result<Option<OrderStatusInfo>, Problem> {
        let mut tx = self.read.snapshot(min_position).await?;
        let header = find_header(&mut tx, id, self.kitchen_capacity).await?;
        tx.commit().await?;
        Ok(header.map(status_of))
    }
}

/// The part of an order's details that says where it is.
fn status_of(order: OrderDetails) -> OrderStatusInfo {
    OrderStatusInfo {
        order_id: order.order_id,
        status: order.status,
        customer_name: order.customer_name,
        estimated_ready_time: order.estimated_ready_time,
    }
}
