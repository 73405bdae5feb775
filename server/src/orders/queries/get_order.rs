//! `GetOrder`: one order with its priced lines and its timeline, read from the order
//! detail view (after waiting for `min_position`, when given).

use crate::db::{DbError, Tx, corrupt, count, decimal, json_list, timestamp, uuid};
use crate::kitchen::ready_time_now;
use crate::orders::views::stored_status;
use crate::payments::views::{PaymentStep, find_payment, find_steps};
use crate::projections::ReadModels;
use app::contracts::{
    GetOrder, OrderDetails, OrderLine, OrderTimelineEntry, PaymentDetails, PaymentMethod,
    PizzaSize, ReadyPizza, TotalBreakdown,
};
use mediator::{Context, Done, Outcome, Problem, RequestHandler};
use uuid::Uuid;

/// Answers [`GetOrder`]; an unknown id is a 404, once the read models caught up with
/// every committed event (`ReadModels::find_settled`).
pub(crate) struct GetOrderHandler {
    pub read: ReadModels,
    /// Orders the kitchen cooks at once, for the estimate as the queue stands.
    pub kitchen_capacity: u32,
}

impl RequestHandler<GetOrder> for GetOrderHandler {
    #[tracing::instrument(name = "GetOrder", skip_all, fields(order_id = %query.order_id))]
    async fn handle(&self, query: GetOrder, _ctx: &mut Context) -> Outcome<OrderDetails> {
        let find = |min_position| self.find(query.order_id, min_position);
        find_order(&self.read, query.order_id, query.min_position, find).await
    }
}

/// What both order queries answer: `find`'s order once the read models are settled
/// (`ReadModels::find_settled`), or a 404 naming the id.
pub(super) async fn find_order<T, F, Fut>(
    read: &ReadModels,
    order_id: Uuid,
    min_position: Option<i64>,
    find: F,
) -> Outcome<T>
where
    F: Fn(Option<i64>) -> Fut,
    Fut: Future<Output = Result<Option<T>, Problem>>,
{
    read.find_settled(min_position, find)
        .await?
        .map(Done::ok)
        .ok_or_else(|| order_not_found(order_id))
}

impl GetOrderHandler {
    /// The order with its lines and timeline, all from one snapshot.
    async fn find(
        &self,
        id: Uuid,
        min_position: Option<i64>,
    ) -> Result<Option<OrderDetails>, Problem> {
        let mut tx = self.read.snapshot(min_position).await?;
        let Some(mut details) = find_header(&mut tx, id, self.kitchen_capacity).await? else {
            return Ok(None);
        };
        details.items = find_lines(&mut tx, id).await?;
        if let Some(payment) = find_payment(&mut tx, id).await? {
            details.payment = payment;
        }
        let payment_steps = find_steps(&mut tx, id).await?;
        details.timeline = interleave(find_timeline(&mut tx, id).await?, payment_steps);
        tx.commit().await?;
        Ok(Some(details))
    }
}

/// The problem both order queries answer for an id no order has.
fn order_not_found(order_id: Uuid) -> Problem {
    Problem::not_found(format!("There is no order {order_id}."))
}

/// An `order_detail_view` row.
#[derive(sqlx::FromRow)]
struct HeaderRow {
    order_id: String,
    status: String,
    customer_name: String,
    customer_address: String,
    payment_method: String,
    total_amount: String,
    breakdown: Option<String>,
    placed_at: String,
    estimated_ready_at: String,
}

impl TryFrom<HeaderRow> for OrderDetails {
    type Error = DbError;

    /// The order without its lines and timeline, which come from other tables.
    fn try_from(row: HeaderRow) -> Result<Self, DbError> {
        let total_amount = decimal("order_detail_view.total_amount", &row.total_amount)?;
        let payment_method = PaymentMethod::parse(&row.payment_method)
            .ok_or_else(|| corrupt("order_detail_view.payment_method", &row.payment_method))?;
        Ok(OrderDetails {
            order_id: uuid("order_detail_view.order_id", &row.order_id)?,
            status: stored_status("order_detail_view.status", &row.status)?,
            customer_name: row.customer_name,
            customer_address: row.customer_address,
            payment_method,
            items: Vec::new(),
            total_breakdown: match &row.breakdown {
                Some(json) => serde_json::from_str(json)
                    .map_err(|_| corrupt("order_detail_view.breakdown", json))?,
                // Placed before the shop had charges: the pizzas were the total.
                None => TotalBreakdown::pizzas_only(total_amount),
            },
            total_amount,
            // What the payments view says once money moved (see `GetOrderHandler::find`).
            payment: PaymentDetails::due(payment_method),
            created_at: timestamp("order_detail_view.placed_at", &row.placed_at)?,
            estimated_ready_time: timestamp(
                "order_detail_view.estimated_ready_at",
                &row.estimated_ready_at,
            )?,
            timeline: Vec::new(),
        })
    }
}

/// The order without its lines and timeline (also what `GetOrderStatus` reads).
/// The order's header; while it is in the kitchen its estimate is the one the queue
/// gives now (with `capacity` orders cooking at once), not the one placing gave.
pub(super) async fn find_header(
    tx: &mut Tx,
    id: Uuid,
    capacity: u32,
) -> Result<Option<OrderDetails>, DbError> {
    let row: Option<HeaderRow> = sqlx::query_as(
        "SELECT order_id, status, customer_name, customer_address, payment_method, \
         total_amount, breakdown, placed_at, estimated_ready_at FROM order_detail_view \
         WHERE order_id = $1",
    )
    .bind(id.to_string())
    .fetch_optional(&mut **tx)
    .await?;
    let Some(mut details) = row.map(OrderDetails::try_from).transpose()? else {
        return Ok(None);
    };
    let now = chrono::Utc::now();
    if let Some(ready) = ready_time_now(tx, capacity, &id.to_string(), now).await? {
        details.estimated_ready_time = ready;
    }
    Ok(Some(details))
}

/// An `order_detail_items_view` row.
#[derive(sqlx::FromRow)]
struct LineRow {
    pizza_id: String,
    pizza_name: String,
    size: String,
    toppings: String,
    quantity: i64,
    special_instructions: Option<String>,
    unit_price: String,
    line_price: String,
}

impl TryFrom<LineRow> for OrderLine {
    type Error = DbError;

    fn try_from(row: LineRow) -> Result<Self, DbError> {
        Ok(OrderLine {
            pizza_id: row.pizza_id,
            pizza_name: row.pizza_name,
            size: PizzaSize::parse(&row.size)
                .ok_or_else(|| corrupt("order_detail_items_view.size", &row.size))?,
            toppings: json_list("order_detail_items_view.toppings", &row.toppings)?,
            quantity: count("order_detail_items_view.quantity", row.quantity)?,
            special_instructions: row.special_instructions,
            unit_price: decimal("order_detail_items_view.unit_price", &row.unit_price)?,
            line_price: decimal("order_detail_items_view.line_price", &row.line_price)?,
        })
    }
}

async fn find_lines(tx: &mut Tx, id: Uuid) -> Result<Vec<OrderLine>, DbError> {
    let rows: Vec<LineRow> = sqlx::query_as(
        "SELECT pizza_id, pizza_name, size, toppings, quantity, special_instructions, \
         unit_price, line_price FROM order_detail_items_view WHERE order_id = $1 \
         ORDER BY line_no",
    )
    .bind(id.to_string())
    .fetch_all(&mut **tx)
    .await?;
    rows.into_iter().map(OrderLine::try_from).collect()
}

/// An `order_timeline_view` row.
#[derive(sqlx::FromRow)]
struct TimelineRow {
    event_position: i64,
    status: String,
    at: String,
    note: Option<String>,
    done_by: Option<String>,
    pizza_line: Option<i64>,
    pizza: Option<String>,
}

impl TryFrom<TimelineRow> for (i64, OrderTimelineEntry) {
    type Error = DbError;

    fn try_from(row: TimelineRow) -> Result<Self, DbError> {
        let entry = OrderTimelineEntry {
            status: stored_status("order_timeline_view.status", &row.status)?,
            at: timestamp("order_timeline_view.at", &row.at)?,
            note: row.note,
            by: row.done_by,
            payment: None,
            pizza: match (row.pizza_line, row.pizza) {
                (Some(line), Some(name)) => Some(ReadyPizza {
                    line: count("order_timeline_view.pizza_line", line)?,
                    name,
                }),
                _ => None,
            },
        };
        Ok((row.event_position, entry))
    }
}

/// The order's statuses with the position of the event of each, oldest first.
async fn find_timeline(tx: &mut Tx, id: Uuid) -> Result<Vec<(i64, OrderTimelineEntry)>, DbError> {
    let rows: Vec<TimelineRow> = sqlx::query_as(
        "SELECT event_position, status, at, note, done_by, pizza_line, pizza \
         FROM order_timeline_view \
         WHERE order_id = $1 ORDER BY event_position",
    )
    .bind(id.to_string())
    .fetch_all(&mut **tx)
    .await?;
    rows.into_iter().map(TryFrom::try_from).collect()
}

/// The order's statuses and its payment's steps in the order they happened; a payment
/// step shows the status the order was in at that moment.
fn interleave(
    statuses: Vec<(i64, OrderTimelineEntry)>,
    payment: Vec<PaymentStep>,
) -> Vec<OrderTimelineEntry> {
    let mut payment = payment.into_iter().peekable();
    let mut timeline = Vec::new();
    for (position, entry) in statuses {
        while let Some(step) = payment.next_if(|step| step.position < position) {
            push_payment_step(&mut timeline, step);
        }
        timeline.push(entry);
    }
    for step in payment {
        push_payment_step(&mut timeline, step);
    }
    timeline
}

fn push_payment_step(timeline: &mut Vec<OrderTimelineEntry>, step: PaymentStep) {
    let current = timeline.iter().rev().find(|entry| entry.payment.is_none());
    if let Some(status) = current.map(|entry| entry.status) {
        timeline.push(OrderTimelineEntry {
            status,
            at: step.at,
            note: step.note,
            by: None,
            payment: Some(step.status),
            pizza: None,
        });
    }
}
