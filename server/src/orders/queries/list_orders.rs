//! `ListOrders`: a page of orders, newest first, optionally of one customer and one
//! status, read from the order summary view.

use crate::orders::views::{SummaryFilter, find_summaries};
use crate::projections::ReadModels;
use app::contracts::{ListOrders, OrderSummary, Page, phone_key};
use mediator::{Context, Done, Outcome, RequestHandler};

/// Answers [`ListOrders`]; paging was validated before (`ListOrders::validate`).
pub(crate) struct ListOrdersHandler {
    pub read: ReadModels,
}

impl RequestHandler<ListOrders> for ListOrdersHandler {
    #[tracing::instrument(
        name = "ListOrders",
        skip_all,
        fields(status = query.status.map(|s| s.as_str()), page = query.page)
    )]
    async fn handle(&self, query: ListOrders, _ctx: &mut Context) -> Outcome<Page<OrderSummary>> {
        let filter = SummaryFilter {
            customer_key: query.customer_phone.as_deref().map(phone_key),
            status: query.status,
        };
        let mut tx = self.read.snapshot(query.min_position).await?;
        let page = find_summaries(&mut tx, &filter, query.page, query.page_size).await?;
        tx.commit().await?;
        Ok(Done::ok(page))
    }
}
