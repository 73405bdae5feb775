//! `WatchOrder`: opens one order's live stream (`GET /api/orders/{id}/stream`). Anyone
//! may, as anyone may read the order by its id (see the policy table in `wiring.rs`).
//!
//! Whether the order exists is asked of the event store, not of the read models: a
//! customer who placed an order a moment ago follows it at once, and its `pending`
//! arrives as soon as the views include it.

use crate::live::replay::stream_exists;
use crate::live::stream::{LiveUpdates, Scope, Subscription};
use crate::orders::order_stream;
use mediator::{Context, Done, Outcome, Problem, Request, RequestHandler, RequestKind};
use uuid::Uuid;

/// Follow `order_id` from after `after`, or from its first event when `None`, so a
/// page that connects late still gets every status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WatchOrder {
    pub order_id: Uuid,
    pub after: Option<i64>,
}

impl Request for WatchOrder {
    type Response = Subscription;
    const KIND: RequestKind = RequestKind::Query;
}

/// Answers [`WatchOrder`] with an open subscription; an unknown id is a 404.
pub(crate) struct WatchOrderHandler {
    pub live: LiveUpdates,
}

impl RequestHandler<WatchOrder> for WatchOrderHandler {
    #[tracing::instrument(name = "WatchOrder", skip_all, fields(order_id = %query.order_id))]
    async fn handle(&self, query: WatchOrder, _ctx: &mut Context) -> Outcome<Subscription> {
        if !stream_exists(&self.live.pool, &order_stream(query.order_id)).await? {
            return Err(Problem::not_found(format!(
                "There is no order {}.",
                query.order_id
            )));
        }
        let after = query.after.unwrap_or(0);
        let scope = Scope::Order(query.order_id);
        Ok(Done::ok(self.live.subscribe(scope, Some(after))))
    }
}
