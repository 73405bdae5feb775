//! `GetOrderStatus`: where an order is, without its lines, read from the order detail
//! view (after waiting for `min_position`, when given).

use super::get_order::order_not_found;
use crate::db::{DbError, timestamp, uuid};
use crate::orders::views::stored_status;
use crate::projections::ReadModels;
use app::contracts::{GetOrderStatus, OrderStatusInfo};
use mediator::{Context, Done, Outcome, RequestHandler};

/// Answers [`GetOrderStatus`]; an unknown id is a 404.
pub(crate) struct GetOrderStatusHandler {
    pub read: ReadModels,
}

impl RequestHandler<GetOrderStatus> for GetOrderStatusHandler {
    #[tracing::instrument(name = "GetOrderStatus", skip_all, fields(order_id = %query.order_id))]
    async fn handle(&self, query: GetOrderStatus, _ctx: &mut Context) -> Outcome<OrderStatusInfo> {
        let mut tx = self.read.snapshot(query.min_position).await?;
        let row: Option<(String, String, String, String)> = sqlx::query_as(
            "SELECT order_id, status, customer_name, estimated_ready_at FROM order_detail_view \
             WHERE order_id = $1",
        )
        .bind(query.order_id.to_string())
        .fetch_optional(&mut *tx)
        .await
        .map_err(DbError::from)?;
        tx.commit().await.map_err(DbError::from)?;
        let Some((id, status, name, ready)) = row else {
            return Err(order_not_found(query.order_id));
        };
        Ok(Done::ok(OrderStatusInfo {
            order_id: uuid("order_detail_view.order_id", &id)?,
            status: stored_status("order_detail_view.status", &status)?,
            customer_name: name,
            estimated_ready_time: timestamp("order_detail_view.estimated_ready_at", &ready)?,
        }))
    }
}
