//! `GetKitchenQueue`: the pending and cooking orders, oldest first, from the kitchen
//! queue view, each with its lines (and which are out of the oven) from the order
//! detail view.

use crate::db::{DbError, corrupt, count, json_list, timestamp, uuid};
use crate::orders::views::stored_status;
use crate::projections::ReadModels;
use app::contracts::{GetKitchenQueue, KITCHEN_QUEUE_LIMIT, KitchenItem, KitchenTicket, PizzaSize};
use mediator::{Context, Done, Outcome, RequestHandler};

/// Answers [`GetKitchenQueue`].
pub(crate) struct GetKitchenQueueHandler {
    pub read: ReadModels,
}

/// One line of a queued order, with its ticket's columns.
#[derive(sqlx::FromRow)]
struct TicketLine {
    order_id: String,
    customer_name: String,
    status: String,
    placed_at: String,
    pizza_count: i64,
    total_prep_minutes: i64,
    line_no: i64,
    pizza_id: String,
    pizza_name: String,
    size: String,
    toppings: String,
    quantity: i64,
    special_instructions: Option<String>,
    ready_at: Option<String>,
    ready_by: Option<String>,
}

impl RequestHandler<GetKitchenQueue> for GetKitchenQueueHandler {
    #[tracing::instrument(name = "GetKitchenQueue", skip_all)]
    async fn handle(
        &self,
        query: GetKitchenQueue,
        _ctx: &mut Context,
    ) -> Outcome<Vec<KitchenTicket>> {
        let statement = sqlx::query_as(
            "SELECT k.order_id, k.customer_name, k.status, k.placed_at, k.pizza_count, \
             k.total_prep_minutes, i.line_no, i.pizza_id, i.pizza_name, i.size, i.toppings, \
             i.quantity, i.special_instructions, i.ready_at, i.ready_by \
             FROM (SELECT order_id, placed_position, customer_name, status, placed_at, \
                   pizza_count, total_prep_minutes FROM kitchen_queue_view \
                   ORDER BY placed_position LIMIT $1) k \
             JOIN order_detail_items_view i ON i.order_id = k.order_id \
             ORDER BY k.placed_position, i.line_no",
        )
        .bind(i64::from(KITCHEN_QUEUE_LIMIT));
        let rows: Vec<TicketLine> = self.read.fetch_all(query.min_position, statement).await?;
        Ok(Done::ok(tickets(rows)?))
    }
}

/// Groups the joined rows (in queue order, then line order) into tickets.
fn tickets(rows: Vec<TicketLine>) -> Result<Vec<KitchenTicket>, DbError> {
    let mut tickets: Vec<KitchenTicket> = Vec::new();
    for row in rows {
        let order_id = uuid("kitchen_queue_view.order_id", &row.order_id)?;
        if tickets
            .last()
            .is_none_or(|ticket| ticket.order_id != order_id)
        {
            tickets.push(ticket(order_id, &row)?);
        }
        let ticket = tickets.last_mut().expect("a ticket was just pushed");
        ticket
            .special_instructions
            .extend(row.special_instructions.clone());
        ticket.items.push(KitchenItem {
            line: count("order_detail_items_view.line_no", row.line_no)?,
            pizza_id: row.pizza_id,
            pizza_name: row.pizza_name,
            size: PizzaSize::parse(&row.size)
                .ok_or_else(|| corrupt("order_detail_items_view.size", &row.size))?,
            toppings: json_list("order_detail_items_view.toppings", &row.toppings)?,
            quantity: count("order_detail_items_view.quantity", row.quantity)?,
            special_instructions: row.special_instructions,
            ready: row.ready_at.is_some(),
            ready_by: row.ready_by,
        });
    }
    Ok(tickets)
}

/// A ticket without its lines yet.
fn ticket(order_id: uuid::Uuid, row: &TicketLine) -> Result<KitchenTicket, DbError> {
    Ok(KitchenTicket {
        order_id,
        customer_name: row.customer_name.clone(),
        status: stored_status("kitchen_queue_view.status", &row.status)?,
        placed_at: timestamp("kitchen_queue_view.placed_at", &row.placed_at)?,
        pizza_count: count("kitchen_queue_view.pizza_count", row.pizza_count)?,
        total_prep_minutes: count(
            "kitchen_queue_view.total_prep_minutes",
            row.total_prep_minutes,
        )?,
        items: Vec::new(),
        special_instructions: Vec::new(),
    })
}
