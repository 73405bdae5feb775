//! Customer contracts: `GetCustomerHistory` (staff: a guest's history by phone number),
//! `GetMyOrders` (a signed-in customer's own), and the [`CustomerHistory`] both answer,
//! lifetime figures and a page of orders.

use crate::contracts::paging::{check_paging, default_page_size, first_page};
use crate::contracts::rules::verdict;
use crate::contracts::validation::phone_error;
use crate::contracts::{OrderSummary, Page};
use mediator::{FieldError, Request, RequestKind};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A customer's history: lifetime figures and one page of their orders, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct GetCustomerHistory {
    /// As the customer types it; only the digits identify them.
    pub phone: String,
    #[serde(default = "first_page")]
    pub page: u32,
    #[serde(default = "default_page_size")]
    pub page_size: u32,
    /// Wait (at most 2 s) until the read models include this event position.
    #[serde(default)]
    pub min_position: Option<i64>,
}

impl GetCustomerHistory {
    /// The first page of `phone`'s history.
    pub fn new(phone: impl Into<String>) -> Self {
        Self {
            phone: phone.into(),
            page: first_page(),
            page_size: default_page_size(),
            min_position: None,
        }
    }
}

impl Request for GetCustomerHistory {
    type Response = CustomerHistory;
    const KIND: RequestKind = RequestKind::Query;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if let Some(message) = phone_error(&self.phone) {
            errors.push(FieldError::new("phone", message));
        }
        check_paging(self.page, self.page_size, &mut errors);
        verdict(errors)
    }
}

/// The signed-in customer's own history: the orders placed while signed in to their
/// account, newest first, with the account's figures. Guest orders stay behind their links.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct GetMyOrders {
    #[serde(default = "first_page")]
    pub page: u32,
    #[serde(default = "default_page_size")]
    pub page_size: u32,
    /// Wait (at most 2 s) until the read models include this event position.
    #[serde(default)]
    pub min_position: Option<i64>,
}

impl Default for GetMyOrders {
    fn default() -> Self {
        Self {
            page: first_page(),
            page_size: default_page_size(),
            min_position: None,
        }
    }
}

impl Request for GetMyOrders {
    type Response = CustomerHistory;
    const KIND: RequestKind = RequestKind::Query;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        check_paging(self.page, self.page_size, &mut errors);
        verdict(errors)
    }
}

/// What `GetCustomerHistory` answers. Cancelled orders are listed with their status but
/// count nowhere else: not in `order_count`, `total_spent` or `top_pizzas`. A phone
/// with no orders has an empty history, not a 404.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CustomerHistory {
    /// As the customer last typed it (as asked when they have no orders).
    pub phone: String,
    pub order_count: u64,
    pub total_spent: Decimal,
    /// Their three most ordered pizzas, most first.
    pub top_pizzas: Vec<PizzaTally>,
    pub orders: Page<OrderSummary>,
}

/// How many of one pizza someone ordered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PizzaTally {
    pub pizza_id: String,
    pub pizza_name: String,
    pub quantity: u64,
}

/// What identifies a customer: the digits of their phone number, so that
/// "+39 06 555-1234" and "+3906 5551234" are the same person.
pub fn phone_key(phone: &str) -> String {
    phone.chars().filter(char::is_ascii_digit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::testing::failing_fields;

    #[test]
    fn only_the_digits_of_a_phone_number_identify_a_customer() {
        assert_eq!(phone_key("+39 06 555-1234"), phone_key("+3906 5551234"));
        assert_eq!(phone_key(" +1 555 010 0200 "), "15550100200");
    }

    #[test]
    fn a_history_needs_a_phone_number_and_sane_paging() {
        assert_eq!(
            GetCustomerHistory::new("+39 06 555-1234").validate(),
            Ok(())
        );
        let mut query = GetCustomerHistory::new("call me");
        query.page_size = 0;
        let fields = failing_fields(query.validate());
        assert_eq!(fields, ["phone", "page_size"]);
    }
}
