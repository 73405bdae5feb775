//! `GetOrderStatus`: where an order is, without its lines, read from the order detail
//! view (after waiting for `min_position`, when given).

use super::get_order::order_not_found;
use crate::db::{DbError, timestamp, uuid};
use crate::orders::views::stored_status;
use crate::projections::ReadModels;
use app::contracts::{GetOrderStatus, OrderStatusInfo};
use mediator::{Context, Done, Outcome, Problem, RequestHandler};
use uuid::Uuid;

/// Answers [`GetOrderStatus`]; an unknown id is a 404, once the read models caught up
/// with every committed event (`ReadModels::find_settled`).
pub(crate) struct GetOrderStatusHandler {
    pub read: ReadModels,
}

impl RequestHandler<GetOrderStatus> for GetOrderStatusHandler {
    #[tracing::instrument(name = "GetOrderStatus", skip_all, fields(order_id = %query.order_id))]
    async fn handle(&self, query: GetOrderStatus, _ctx: &mut Context) -> Outcome<OrderStatusInfo> {
        let find = |min_position| self.find(query.order_id, min_position);
        self.read
            .find_settled(query.min_position, find)
            .await?
            .map(Done::ok)
            .ok_or_else(|| order_not_found(query.order_id))
    }
}

impl GetOrderStatusHandler {
    async fn find(
        &self,
        id: Uuid,
        min_position: Option<i64>,
    ) -> Result<Option<OrderStatusInfo>, Problem> {
        let mut tx = self.read.snapshot(min_position).await?;
        let row: Option<StatusRow> = sqlx::query_as(
            "SELECT order_id, status, customer_name, estimated_ready_at FROM order_detail_view \
             WHERE order_id = $1",
        )
        .bind(id.to_string())
        .fetch_optional(&mut *tx)
        .await
        .map_err(DbError::from)?;
        tx.commit().await?;
        Ok(row.map(OrderStatusInfo::try_from).transpose()?)
    }
}

/// The `order_detail_view` columns an order's status needs.
#[derive(sqlx::FromRow)]
struct StatusRow {
    order_id: String,
    status: String,
    customer_name: String,
    estimated_ready_at: String,
}

impl TryFrom<StatusRow> for OrderStatusInfo {
    type Error = DbError;

    fn try_from(row: StatusRow) -> Result<Self, DbError> {
        Ok(OrderStatusInfo {
            order_id: uuid("order_detail_view.order_id", &row.order_id)?,
            status: stored_status("order_detail_view.status", &row.status)?,
            customer_name: row.customer_name,
            estimated_ready_time: timestamp(
                "order_detail_view.estimated_ready_at",
                &row.estimated_ready_at,
            )?,
        })
    }
}
