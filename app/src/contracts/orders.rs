//! Order contracts: the `PlaceOrder` command, the `GetOrder` and `GetOrderStatus`
//! queries, and the DTOs they answer with.

use crate::contracts::{
    CardDetails, OrderTimelineEntry, PaymentDetails, PizzaSize, TotalBreakdown,
};
use chrono::{DateTime, Utc};
use mediator::{FieldError, Request, RequestKind};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// How the customer pays: by card when ordering, or cash on delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum PaymentMethod {
    Cash,
    Card,
}

impl PaymentMethod {
    /// Lower-case name as used in JSON and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentMethod::Cash => "cash",
            PaymentMethod::Card => "card",
        }
    }

    /// Parses the lower-case name.
    pub fn parse(value: &str) -> Option<Self> {
        [PaymentMethod::Cash, PaymentMethod::Card]
            .into_iter()
            .find(|method| method.as_str() == value)
    }
}

/// One line of an order as the customer asks for it. Prices are never sent by the client.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OrderLineRequest {
    pub pizza_id: String,
    pub size: PizzaSize,
    /// Extra toppings, each from the pizza's `available_toppings`.
    #[serde(default)]
    pub toppings: Vec<String>,
    #[serde(default = "one")]
    pub quantity: u32,
    #[serde(default)]
    pub special_instructions: Option<String>,
}

fn one() -> u32 {
    1
}

/// Places a new order. Answers 201 with the id, the server-computed total and the ready time.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema), schema(example = json!({
    "customer_name": "Mario Rossi",
    "customer_phone": "+39 06 555-1234",
    "customer_address": "Via Roma 1, Napoli",
    "payment_method": "card",
    "card": {"number": "4242 4242 4242 4242", "exp_month": 12, "exp_year": 2030, "cvc": "123"},
    "pizza_items": [
        {"pizza_id": "pepperoni", "size": "large", "toppings": ["mushrooms"], "quantity": 2},
        {"pizza_id": "margherita", "size": "medium"}
    ]
})))]
#[serde(deny_unknown_fields)]
pub struct PlaceOrder {
    pub customer_name: String,
    pub customer_phone: String,
    pub customer_address: String,
    pub payment_method: PaymentMethod,
    pub pizza_items: Vec<OrderLineRequest>,
    /// A promo code (see `AddPromoCode`); unknown, expired, used up or below its minimum
    /// answers 422 naming `promo_code`.
    #[serde(default)]
    pub promo_code: Option<String>,
    /// The card to charge, required with `payment_method: "card"` and refused with cash.
    #[serde(default)]
    pub card: Option<CardDetails>,
}

impl Request for PlaceOrder {
    type Response = PlacedOrder;
    const KIND: RequestKind = RequestKind::Command;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        crate::contracts::validation::check_place_order(self)
    }
}

#[cfg(feature = "ssr")]
impl PlaceOrder {
    /// The command with its card reduced to the last four digits and expiry: what may be
    /// kept (the idempotency store hashes this) without the card's number or code.
    pub fn without_card_secrets(&self) -> PlaceOrder {
        let card = self.card.as_ref().map(|card| CardDetails {
            number: card.last4(),
            cvc: String::new(),
            ..card.clone()
        });
        PlaceOrder {
            card,
            ..self.clone()
        }
    }
}

/// What `PlaceOrder` answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PlacedOrder {
    pub order_id: Uuid,
    pub total_amount: Decimal,
    pub estimated_ready_time: DateTime<Utc>,
    /// Global position of the order's `OrderPlaced` event: a query that asks to see at
    /// least this position reads its own write.
    pub position: i64,
}

/// Where an order is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum OrderStatus {
    Pending,
    Cooking,
    Ready,
    Delivering,
    Delivered,
    Cancelled,
}

impl OrderStatus {
    /// Every status, in lifecycle order.
    pub const ALL: [OrderStatus; 6] = [
        OrderStatus::Pending,
        OrderStatus::Cooking,
        OrderStatus::Ready,
        OrderStatus::Delivering,
        OrderStatus::Delivered,
        OrderStatus::Cancelled,
    ];

    /// Lower-case name as used in JSON and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            OrderStatus::Pending => "pending",
            OrderStatus::Cooking => "cooking",
            OrderStatus::Ready => "ready",
            OrderStatus::Delivering => "delivering",
            OrderStatus::Delivered => "delivered",
            OrderStatus::Cancelled => "cancelled",
        }
    }

    /// Parses the lower-case name.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|status| status.as_str() == value)
    }
}

/// Reads one order with its lines and prices.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct GetOrder {
    pub order_id: Uuid,
    /// Wait (at most 2 s, then 503) until the read models include this event position,
    /// e.g. `PlacedOrder::position`, so a customer always sees the order just placed.
    #[serde(default)]
    pub min_position: Option<i64>,
}

impl Request for GetOrder {
    type Response = OrderDetails;
    const KIND: RequestKind = RequestKind::Query;
}

/// A whole order as the customer's confirmation page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OrderDetails {
    pub order_id: Uuid,
    pub status: OrderStatus,
    pub customer_name: String,
    pub customer_address: String,
    pub payment_method: PaymentMethod,
    pub items: Vec<OrderLine>,
    /// What was charged: `total_breakdown.total`.
    pub total_amount: Decimal,
    /// Pizzas, delivery fee, discount and tax that make up `total_amount`.
    pub total_breakdown: TotalBreakdown,
    /// How it was paid, and where that payment is.
    pub payment: PaymentDetails,
    pub created_at: DateTime<Utc>,
    pub estimated_ready_time: DateTime<Utc>,
    /// Every status the order went through, oldest first, starting with `pending`.
    pub timeline: Vec<OrderTimelineEntry>,
}

/// One priced line of a placed order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OrderLine {
    pub pizza_id: String,
    pub pizza_name: String,
    pub size: PizzaSize,
    pub toppings: Vec<String>,
    pub quantity: u32,
    pub special_instructions: Option<String>,
    pub unit_price: Decimal,
    pub line_price: Decimal,
}

/// Reads only where an order is, for a cheap status check.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct GetOrderStatus {
    pub order_id: Uuid,
    /// As [`GetOrder::min_position`].
    #[serde(default)]
    pub min_position: Option<i64>,
}

impl Request for GetOrderStatus {
    type Response = OrderStatusInfo;
    const KIND: RequestKind = RequestKind::Query;
}

/// What `GetOrderStatus` answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OrderStatusInfo {
    pub order_id: Uuid,
    pub status: OrderStatus,
    pub customer_name: String,
    pub estimated_ready_time: DateTime<Utc>,
}
