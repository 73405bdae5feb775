//! `GetDeliveryBoard`: the `ready` orders, longest waiting first, then the `delivering`
//! ones, longest on the road first, from the delivery board view, each with where its
//! payment is (from the payments slice's view).

use crate::db::{DbError, corrupt, count, decimal, timestamp, uuid};
use crate::orders::views::{KITCHEN_LANE, stored_status};
use crate::projections::ReadModels;
use app::contracts::{
    DELIVERY_BOARD_LIMIT, DeliveryTicket, GetDeliveryBoard, PaymentMethod, PaymentStatus,
};
use mediator::{Context, Done, Outcome, RequestHandler};

/// Answers [`GetDeliveryBoard`].
pub(crate) struct GetDeliveryBoardHandler {
    pub read: ReadModels,
}

/// One order on the board, as stored.
#[derive(sqlx::FromRow)]
struct TicketRow {
    order_id: String,
    status: String,
    customer_name: String,
    customer_phone: String,
    customer_address: String,
    payment_method: String,
    payment_status: Option<String>,
    total_amount: String,
    pizza_count: i64,
    ready_at: Option<String>,
    driver: Option<String>,
    out_at: Option<String>,
}

impl RequestHandler<GetDeliveryBoard> for GetDeliveryBoardHandler {
    #[tracing::instrument(name = "GetDeliveryBoard", skip_all)]
    async fn handle(
        &self,
        query: GetDeliveryBoard,
        _ctx: &mut Context,
    ) -> Outcome<Vec<DeliveryTicket>> {
        // Orders still in the kitchen are kept in the view but are not on the board; the
        // lanes after it are ready, then delivering (see `DeliveryBoardView`).
        let statement = sqlx::query_as(
            "SELECT d.order_id, d.status, customer_name, customer_phone, customer_address, \
             payment_method, p.status AS payment_status, total_amount, pizza_count, \
             ready_at, driver, out_at \
             FROM delivery_board_view d \
             LEFT JOIN order_payment_view p ON p.order_id = d.order_id \
             WHERE lane > $1 ORDER BY lane, lane_position LIMIT $2",
        )
        .bind(KITCHEN_LANE)
        .bind(i64::from(DELIVERY_BOARD_LIMIT));
        let rows: Vec<TicketRow> = self.read.fetch_all(query.min_position, statement).await?;
        let tickets = rows.into_iter().map(ticket).collect::<Result<_, _>>()?;
        Ok(Done::ok(tickets))
    }
}

fn ticket(row: TicketRow) -> Result<DeliveryTicket, DbError> {
    // A shown order has been ready: a missing time is corruption.
    let ready_at = row
        .ready_at
        .ok_or_else(|| corrupt("delivery_board_view.ready_at", "NULL"))?;
    Ok(DeliveryTicket {
        order_id: uuid("delivery_board_view.order_id", &row.order_id)?,
        status: stored_status("delivery_board_view.status", &row.status)?,
        customer_name: row.customer_name,
        customer_phone: row.customer_phone,
        customer_address: row.customer_address,
        payment_method: PaymentMethod::parse(&row.payment_method)
            .ok_or_else(|| corrupt("delivery_board_view.payment_method", &row.payment_method))?,
        // No payment row: nothing moved yet (cash due, or an order placed before payments).
        payment_status: match &row.payment_status {
            Some(status) => PaymentStatus::parse(status)
                .ok_or_else(|| corrupt("order_payment_view.status", status))?,
            None => PaymentStatus::Pending,
        },
        total_amount: decimal("delivery_board_view.total_amount", &row.total_amount)?,
        pizza_count: count("delivery_board_view.pizza_count", row.pizza_count)?,
        ready_at: timestamp("delivery_board_view.ready_at", &ready_at)?,
        driver: row.driver,
        out_at: row
            .out_at
            .map(|out_at| timestamp("delivery_board_view.out_at", &out_at))
            .transpose()?,
    })
}
