//! Kitchen contracts: `GetKitchenQueue` and the [`KitchenTicket`]s it answers, the
//! orders waiting for or in the oven, first in first out.

use crate::contracts::{OrderStatus, PizzaSize};
use chrono::{DateTime, Utc};
use mediator::{Request, RequestKind};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Most tickets one answer holds: the oldest ones, which are cooked first.
pub const KITCHEN_QUEUE_LIMIT: u32 = 200;

/// The pending and cooking orders, oldest first (at most [`KITCHEN_QUEUE_LIMIT`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct GetKitchenQueue {
    /// Wait (at most 2 s) until the read models include this event position.
    #[serde(default)]
    pub min_position: Option<i64>,
}

impl Request for GetKitchenQueue {
    type Response = Vec<KitchenTicket>;
    const KIND: RequestKind = RequestKind::Query;
}

/// One order as the kitchen works on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct KitchenTicket {
    pub order_id: Uuid,
    pub customer_name: String,
    /// `pending` or `cooking`.
    pub status: OrderStatus,
    pub placed_at: DateTime<Utc>,
    /// Pizzas to make, counting quantities.
    pub pizza_count: u32,
    /// Quantity × preparation minutes, summed over the lines.
    pub total_prep_minutes: u32,
    pub items: Vec<KitchenItem>,
    /// Every line's special instructions, in line order, for a glance at the ticket.
    pub special_instructions: Vec<String>,
}

/// One line of a ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct KitchenItem {
    /// The line, counting from 0 in the order's lines (`MarkPizzaReady.line`).
    pub line: u32,
    pub pizza_id: String,
    pub pizza_name: String,
    pub size: PizzaSize,
    pub toppings: Vec<String>,
    pub quantity: u32,
    pub special_instructions: Option<String>,
    /// Out of the oven already (the order cooks on until its last line is).
    pub ready: bool,
    /// Who marked it ready, when someone did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ready_by: Option<String>,
}
