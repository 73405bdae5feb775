//! `OrderSummaryView`: one line per order for the lists (`ListOrders` and a customer's
//! history), newest first, filterable by phone digits and status (table
//! `order_summary_view`).
//!
//! - `OrderPlaced`: a new line, `pending`.
//! - `CookingStarted` … `OrderCancelled`: the line's new status.

use crate::db::{DbError, Tx, count, decimal, insert_rows, timestamp, timestamp_text, uuid};
use crate::orders::OrderEvent;
use crate::orders::views::{OrderView, PlaceRun, Placed, StatusChange, stored_status};
use crate::projections::BoxFuture;
use app::contracts::{OrderStatus, OrderSummary, Page};

/// Keeps `order_summary_view` up to date.
pub(crate) struct OrderSummaryView;

impl OrderView for OrderSummaryView {
    const NAME: &'static str = "order_summary_view";
    const PLACE: PlaceRun = insert_summaries;

    async fn on(&self, tx: &mut Tx, position: i64, event: OrderEvent) -> Result<(), DbError> {
        let change = StatusChange::of(&event);
        match event {
            OrderEvent::OrderPlaced(order) => Self::PLACE(tx, &Placed::one(position, order)).await,
            // One pizza out of the oven: the order still cooks.
            OrderEvent::PizzaReady(_) => Ok(()),
            // Every other event moves the order on.
            _ => change.set_status_in(tx, Self::NAME).await,
        }
    }
}

/// A `pending` line for each order of `run`.
fn insert_summaries<'t>(tx: &'t mut Tx, run: &'t [Placed]) -> BoxFuture<'t, Result<(), DbError>> {
    Box::pin(insert_rows(
        tx,
        "INSERT INTO order_summary_view (order_id, customer_key, customer_phone, \
         customer_name, status, total_amount, pizza_count, placed_at, estimated_ready_at)",
        9,
        "ON CONFLICT (order_id) DO NOTHING",
        run,
        |query, Placed { order, .. }| {
            query
                .bind(order.order_id.to_string())
                .bind(order.customer_key())
                .bind(&order.customer_phone)
                .bind(&order.customer_name)
                .bind(OrderStatus::Pending.as_str())
                .bind(order.total_amount.to_string())
                .bind(order.pizza_count())
                .bind(timestamp_text(order.placed_at))
                .bind(timestamp_text(order.estimated_ready_at))
        },
    ))
}

/// Which orders a list holds; `None` means any.
#[derive(Debug, Clone, Default)]
pub(crate) struct SummaryFilter {
    /// Whose orders: a phone's digits or an account (`OrderPlaced::customer_key`).
    pub customer_key: Option<String>,
    pub status: Option<OrderStatus>,
}

impl SummaryFilter {
    /// The `WHERE` clause (empty without conditions) and the values of its parameters,
    /// numbered from `$1`. Only fixed text goes into the SQL; values are always bound.
    fn clause(&self) -> (String, Vec<String>) {
        let mut conditions = Vec::new();
        let mut values = Vec::new();
        if let Some(key) = &self.customer_key {
            values.push(key.clone());
            conditions.push(format!("customer_key = ${}", values.len()));
        }
        if let Some(status) = self.status {
            values.push(status.as_str().to_owned());
            conditions.push(format!("status = ${}", values.len()));
        }
        if conditions.is_empty() {
            (String::new(), values)
        } else {
            (format!(" WHERE {}", conditions.join(" AND ")), values)
        }
    }
}

/// One order of `order_summary_view`, as stored.
#[derive(sqlx::FromRow)]
struct SummaryRow {
    order_id: String,
    status: String,
    customer_name: String,
    customer_phone: String,
    total_amount: String,
    pizza_count: i64,
    placed_at: String,
    estimated_ready_at: String,
}

/// Page `page` (1-based) of the orders `filter` keeps, newest first, with their total.
pub(crate) async fn find_summaries(
    tx: &mut Tx,
    filter: &SummaryFilter,
    page: u32,
    page_size: u32,
) -> Result<Page<OrderSummary>, DbError> {
    let (clause, values) = filter.clause();
    let count_sql = format!("SELECT COUNT(*) FROM order_summary_view{clause}");
    let mut counting = sqlx::query_as::<_, (i64,)>(&count_sql);
    for value in &values {
        counting = counting.bind(value);
    }
    let (total,) = counting.fetch_one(&mut **tx).await?;
    let total: u64 = count("order_summary_view.count", total)?;
    let offset = Page::<OrderSummary>::offset(page, page_size);
    let mut items = Vec::new();
    if offset < total {
        let next = values.len();
        let page_sql = format!(
            "SELECT order_id, status, customer_name, customer_phone, total_amount, \
             pizza_count, placed_at, estimated_ready_at FROM order_summary_view{clause} \
             ORDER BY placed_at DESC, order_id DESC LIMIT ${} OFFSET ${}",
            next + 1,
            next + 2
        );
        let mut reading = sqlx::query_as::<_, SummaryRow>(&page_sql);
        for value in &values {
            reading = reading.bind(value);
        }
        let rows = reading
            .bind(i64::from(page_size))
            .bind(i64::try_from(offset).unwrap_or(i64::MAX))
            .fetch_all(&mut **tx)
            .await?;
        items = rows
            .into_iter()
            .map(OrderSummary::try_from)
            .collect::<Result<_, _>>()?;
    }
    Ok(Page {
        items,
        page,
        page_size,
        total,
    })
}

impl TryFrom<SummaryRow> for OrderSummary {
    type Error = DbError;

    fn try_from(row: SummaryRow) -> Result<Self, DbError> {
        Ok(OrderSummary {
            order_id: uuid("order_summary_view.order_id", &row.order_id)?,
            status: stored_status("order_summary_view.status", &row.status)?,
            customer_name: row.customer_name,
            customer_phone: row.customer_phone,
            total_amount: decimal("order_summary_view.total_amount", &row.total_amount)?,
            pizza_count: count("order_summary_view.pizza_count", row.pizza_count)?,
            placed_at: timestamp("order_summary_view.placed_at", &row.placed_at)?,
            estimated_ready_time: timestamp(
                "order_summary_view.estimated_ready_at",
                &row.estimated_ready_at,
            )?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_numbers_its_parameters_and_binds_every_value() {
        assert_eq!(SummaryFilter::default().clause(), (String::new(), vec![]));
        let filter = SummaryFilter {
            customer_key: Some("5551234".into()),
            status: Some(OrderStatus::Cooking),
        };
        let (clause, values) = filter.clause();
        assert_eq!(clause, " WHERE customer_key = $1 AND status = $2");
        assert_eq!(values, ["5551234", "cooking"]);
        let only_status = SummaryFilter {
            status: Some(OrderStatus::Ready),
            ..SummaryFilter::default()
        };
        assert_eq!(only_status.clause().0, " WHERE status = $1");
    }
}
