//! Live updates: what the Server-Sent Events streams push. `GET /api/stream/kitchen`
//! (staff) carries every order's changes, `GET /api/orders/{id}/stream` one order's.
//!
//! Each SSE message is named [`ORDER_UPDATE_EVENT`], its `id` is the event's position in
//! the store, and its data is an [`OrderUpdate`] as JSON. A message is sent only once
//! the read models include its position, so a client that re-reads a view with
//! `min_position = position` sees the change. A client that reconnects (the browser
//! sends `Last-Event-ID`, or `?after=<position>` on a first connect) gets every update
//! after that position exactly once, in order.

use crate::contracts::{OrderStatus, ReadyPizza};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The SSE event name of an [`OrderUpdate`].
pub const ORDER_UPDATE_EVENT: &str = "order";

/// One change of one order: the event at `position` moved it to `status`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OrderUpdate {
    /// The event's position in the store; also the SSE message id.
    pub position: i64,
    pub order_id: Uuid,
    /// The status the order reached: `pending` when placed, then as it moves on.
    pub status: OrderStatus,
    pub at: DateTime<Utc>,
    /// The driver when it went out for delivery, the reason when it was cancelled.
    pub note: Option<String>,
    /// The member of staff who took the step, as in the order's timeline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// Set when one pizza line came out of the oven rather than the order moving on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pizza: Option<ReadyPizza>,
}
