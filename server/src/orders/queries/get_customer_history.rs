//! `GetCustomerHistory`: a guest customer's lifetime figures and top pizzas (customer
//! history view) with a page of their orders (order summary view), found by phone
//! digits. Staff only: a phone number is no secret. [`HistoryPage`] also serves
//! `GetMyOrders`.

use crate::db::{DbError, Tx, count, decimal};
use crate::orders::views::{SummaryFilter, find_summaries};
use crate::projections::ReadModels;
use app::contracts::{CustomerHistory, GetCustomerHistory, PizzaTally, phone_key};
use mediator::{Context, Done, Outcome, Problem, RequestHandler};
use rust_decimal::Decimal;

/// How many favourite pizzas a history lists.
const TOP_PIZZAS: i64 = 3;

/// Answers [`GetCustomerHistory`]; a phone without orders has an empty history.
pub(crate) struct GetCustomerHistoryHandler {
    pub read: ReadModels,
}

impl RequestHandler<GetCustomerHistory> for GetCustomerHistoryHandler {
    #[tracing::instrument(name = "GetCustomerHistory", skip_all, fields(page = query.page))]
    async fn handle(
        &self,
        query: GetCustomerHistory,
        _ctx: &mut Context,
    ) -> Outcome<CustomerHistory> {
        let page = HistoryPage {
            key: phone_key(&query.phone),
            page: query.page,
            page_size: query.page_size,
            min_position: query.min_position,
        };
        let history = page.read(&self.read, query.phone.trim()).await?;
        Ok(Done::ok(history))
    }
}

/// One page of the history of a customer key (a phone's digits or an account).
pub(super) struct HistoryPage {
    pub key: String,
    pub page: u32,
    pub page_size: u32,
    pub min_position: Option<i64>,
}

impl HistoryPage {
    /// The figures, top pizzas and a page of orders of the key; `phone` stands in when
    /// the key has no orders yet.
    pub(super) async fn read(
        self,
        read: &ReadModels,
        phone: &str,
    ) -> Result<CustomerHistory, Problem> {
        let mut tx = read.snapshot(self.min_position).await?;
        let totals = find_totals(&mut tx, &self.key).await?;
        let top_pizzas = find_top_pizzas(&mut tx, &self.key).await?;
        let filter = SummaryFilter {
            customer_key: Some(self.key),
            status: None,
        };
        let orders = find_summaries(&mut tx, &filter, self.page, self.page_size).await?;
        tx.commit().await?;
        let (phone, order_count, total_spent) =
            totals.unwrap_or_else(|| (phone.to_owned(), 0, Decimal::new(0, 2)));
        Ok(CustomerHistory {
            phone,
            order_count,
            total_spent,
            top_pizzas,
            orders,
        })
    }
}

/// The order count and money spent of a customer key, with the phone last ordered with.
pub(crate) async fn find_totals(
    tx: &mut Tx,
    key: &str,
) -> Result<Option<(String, u64, Decimal)>, DbError> {
    let row: Option<(String, i64, String)> = sqlx::query_as(
        "SELECT customer_phone, order_count, total_spent FROM customer_history_view \
         WHERE customer_key = $1",
    )
    .bind(key)
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|(phone, orders, spent)| {
        let orders = count("customer_history_view.order_count", orders)?;
        let spent = decimal("customer_history_view.total_spent", &spent)?;
        Ok((phone, orders, spent))
    })
    .transpose()
}

/// The pizzas a customer key ordered most (cancelled orders not counted), most first.
pub(crate) async fn find_top_pizzas(tx: &mut Tx, key: &str) -> Result<Vec<PizzaTally>, DbError> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT pizza_id, pizza_name, quantity FROM customer_pizza_counts_view \
         WHERE customer_key = $1 AND quantity > 0 ORDER BY quantity DESC, pizza_id LIMIT $2",
    )
    .bind(key)
    .bind(TOP_PIZZAS)
    .fetch_all(&mut **tx)
    .await?;
    rows.into_iter()
        .map(|(pizza_id, pizza_name, quantity)| {
            Ok(PizzaTally {
                pizza_id,
                pizza_name,
                quantity: count("customer_pizza_counts_view.quantity", quantity)?,
            })
        })
        .collect()
}
