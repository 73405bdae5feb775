//! Delivery contracts: `GetDeliveryBoard` and the [`DeliveryTicket`]s it answers, the
//! orders waiting for a driver or on the road, and `ListDrivers`, who may take one out.

use crate::contracts::{OrderStatus, PaymentMethod, PaymentStatus};
use chrono::{DateTime, Utc};
use mediator::{Request, RequestKind};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Most tickets one answer holds, oldest first.
pub const DELIVERY_BOARD_LIMIT: u32 = 200;

/// The `ready` orders (longest waiting first), then the `delivering` ones (longest on
/// the road first); at most [`DELIVERY_BOARD_LIMIT`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct GetDeliveryBoard {
    /// Wait (at most 2 s) until the read models include this event position.
    #[serde(default)]
    pub min_position: Option<i64>,
}

impl Request for GetDeliveryBoard {
    type Response = Vec<DeliveryTicket>;
    const KIND: RequestKind = RequestKind::Query;
}

/// The driver accounts the caller may give an order to, by username: a driver only
/// themselves, a manager every driver.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct ListDrivers {}

impl Request for ListDrivers {
    type Response = Vec<String>;
    const KIND: RequestKind = RequestKind::Query;
}

/// One order as a driver needs it: where to, for whom, what to collect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DeliveryTicket {
    pub order_id: Uuid,
    /// `ready` or `delivering`.
    pub status: OrderStatus,
    pub customer_name: String,
    pub customer_phone: String,
    pub customer_address: String,
    pub payment_method: PaymentMethod,
    /// `paid` for a card; `pending` until a cash order's money is collected.
    pub payment_status: PaymentStatus,
    /// What to collect at the door when paying cash.
    pub total_amount: Decimal,
    /// Pizzas in the order, counting quantities.
    pub pizza_count: u32,
    /// When it came out of the oven.
    pub ready_at: DateTime<Utc>,
    /// Who took it out, once `delivering`.
    pub driver: Option<String>,
    /// When it went out, once `delivering`.
    pub out_at: Option<DateTime<Utc>>,
}
