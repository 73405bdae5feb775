//! `WatchKitchen`: opens the kitchen's live stream, every order's updates
//! (`GET /api/stream/kitchen`). Sent through the mediator like any query, so the policy
//! table in `wiring.rs` decides who may (any signed-in staff) and it is traced and
//! counted; it reads nothing, it subscribes.

use crate::live::stream::{LiveUpdates, Scope, Subscription};
use mediator::{Context, Done, Outcome, Request, RequestHandler, RequestKind};

/// Follow every order from after `after`, or from now on when `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WatchKitchen {
    pub after: Option<i64>,
}

impl Request for WatchKitchen {
    type Response = Subscription;
    const KIND: RequestKind = RequestKind::Query;
}

/// Answers [`WatchKitchen`] with an open subscription.
pub(crate) struct WatchKitchenHandler {
    pub live: LiveUpdates,
}

impl RequestHandler<WatchKitchen> for WatchKitchenHandler {
    #[tracing::instrument(name = "WatchKitchen", skip_all, fields(after = ?query.after))]
    async fn handle(&self, query: WatchKitchen, _ctx: &mut Context) -> Outcome<Subscription> {
        Ok(Done::ok(self.live.subscribe(Scope::Kitchen, query.after)))
    }
}
