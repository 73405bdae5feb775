//! Order list contracts: the `ListOrders` query, the [`OrderSummary`] lines it pages
//! through, and the [`OrderTimelineEntry`] that `OrderDetails` lists. Served from the
//! order read models; `min_position` lets a client read its own writes.

use crate::contracts::paging::{check_paging, default_page_size, first_page};
use crate::contracts::rules::verdict;
use crate::contracts::validation::phone_error;
use crate::contracts::{OrderStatus, Page, PaymentStatus};
use chrono::{DateTime, Utc};
use mediator::{FieldError, Request, RequestKind};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Lists orders newest first, optionally of one customer (by phone) and one status.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct ListOrders {
    /// Only this customer's orders; matched on the digits, so spacing does not matter.
    #[serde(default)]
    pub customer_phone: Option<String>,
    #[serde(default)]
    pub status: Option<OrderStatus>,
    /// 1-based; a page past the end answers no items.
    #[serde(default = "first_page")]
    pub page: u32,
    /// 1 to [`MAX_PAGE_SIZE`](crate::contracts::MAX_PAGE_SIZE), 20 by default.
    #[serde(default = "default_page_size")]
    pub page_size: u32,
    /// Wait (at most 2 s) until the read models include this event position.
    #[serde(default)]
    pub min_position: Option<i64>,
}

impl Default for ListOrders {
    fn default() -> Self {
        Self {
            customer_phone: None,
            status: None,
            page: first_page(),
            page_size: default_page_size(),
            min_position: None,
        }
    }
}

impl Request for ListOrders {
    type Response = Page<OrderSummary>;
    const KIND: RequestKind = RequestKind::Query;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if let Some(message) = self.customer_phone.as_deref().and_then(phone_error) {
            errors.push(FieldError::new("customer_phone", message));
        }
        check_paging(self.page, self.page_size, &mut errors);
        verdict(errors)
    }
}

/// One order in a list: who, how much, where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OrderSummary {
    pub order_id: Uuid,
    pub status: OrderStatus,
    pub customer_name: String,
    pub customer_phone: String,
    pub total_amount: Decimal,
    /// Pizzas in the order, counting quantities.
    pub pizza_count: u32,
    pub placed_at: DateTime<Utc>,
    pub estimated_ready_time: DateTime<Utc>,
}

/// One step of an order's life: the status it reached, when, and what goes with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OrderTimelineEntry {
    pub status: OrderStatus,
    pub at: DateTime<Utc>,
    /// The driver when it went out for delivery, the reason when it was cancelled.
    pub note: Option<String>,
    /// The member of staff who took the step (their username); absent when the
    /// customer did, and for steps recorded before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// Set on a step of the payment rather than of the order (`refunded`, `collected`);
    /// `status` is then the order's status at that moment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<PaymentStatus>,
    /// Set on a step of one pizza line rather than of the whole order: that line came
    /// out of the oven (`status` is then `cooking`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pizza: Option<ReadyPizza>,
}

/// A line of an order out of the oven, as its timeline names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReadyPizza {
    /// The line, counting from 0 in the order's `lines`.
    pub line: u32,
    /// What it holds, in words: `2 × Margherita (Large)`.
    pub name: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::testing::failing_fields;

    fn fields(query: &ListOrders) -> Vec<String> {
        failing_fields(query.validate())
    }

    #[test]
    fn a_query_without_parameters_asks_for_the_first_twenty() {
        let query: ListOrders = serde_json::from_str("{}").unwrap();
        assert_eq!(query, ListOrders::default());
        assert_eq!((query.page, query.page_size), (1, 20));
        assert_eq!(query.validate(), Ok(()));
    }

    #[test]
    fn a_malformed_phone_and_bad_paging_are_all_named() {
        let query = ListOrders {
            customer_phone: Some("12ab".into()),
            page: 0,
            page_size: 101,
            ..ListOrders::default()
        };
        assert_eq!(fields(&query), ["customer_phone", "page", "page_size"]);
    }
}
