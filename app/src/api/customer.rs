//! Server functions a customer uses: the menu, placing, reading and cancelling an order,
//! and their history.

#[cfg(feature = "ssr")]
use super::{dispatch, dispatch_in, refuse};
use crate::contracts::{
    CustomerHistory, GetCustomerHistory, GetMyOrders, MenuItem, OrderDetails, OrderStatusChanged,
    PlaceOrder, PlacedOrder, ShopStatus,
};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;
use uuid::Uuid;

/// What the menu page shows: the pizzas and whether the shop takes orders now.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MenuPageData {
    pub items: Vec<MenuItem>,
    pub shop: ShopStatus,
}

/// Lists the pizzas customers can order, seasonal ones included, optionally one category,
/// with whether the shop is open: one load for the menu page (one resource type in the
/// wasm bundle, which every new type of resource would grow by kilobytes).
#[server(name = GetMenuCall, prefix = "/api/fn", endpoint = "get_menu", input = Json)]
pub async fn get_menu(category: Option<String>) -> Result<MenuPageData, AppError> {
    let query = crate::contracts::GetMenu {
        category,
        ..Default::default()
    };
    let items = dispatch(query).await?;
    let shop = dispatch(crate::contracts::GetShopStatus).await?;
    Ok(MenuPageData { items, shop })
}

/// What the cart would cost if placed now, with the promo code typed: the checkout's bill.
#[server(name = GetPriceQuoteCall, prefix = "/api/fn", endpoint = "get_price_quote", input = Json)]
pub async fn get_price_quote(
    query: crate::contracts::GetPriceQuote,
) -> Result<crate::contracts::TotalBreakdown, AppError> {
    dispatch(query).await
}

/// Places an order; the server prices it from its own menu. Every attempt at one order
/// sends the same `idempotency_key` (an [`IdempotencyKey`](crate::contracts::IdempotencyKey)):
/// a double click or a retry after a lost answer gets the first order back, never a second.
#[server(name = PlaceOrderCall, prefix = "/api/fn", endpoint = "place_order", input = Json)]
pub async fn place_order(
    command: PlaceOrder,
    idempotency_key: Option<String>,
) -> Result<PlacedOrder, AppError> {
    let mut ctx = mediator::Context::new();
    if let Some(raw) = idempotency_key {
        let key = crate::contracts::IdempotencyKey::parse(&raw)
            .map_err(|error| refuse(mediator::Problem::validation(vec![error])))?;
        ctx.insert(key);
    }
    dispatch_in(command, ctx).await
}

/// Reads one order for the confirmation page. With `min_position` (from
/// `PlacedOrder::position`) it waits until the order's read model includes that event, so
/// the page never says "not found" for the order just placed.
#[server(name = GetOrderCall, prefix = "/api/fn", endpoint = "get_order", input = Json)]
pub async fn get_order(
    order_id: Uuid,
    min_position: Option<i64>,
) -> Result<OrderDetails, AppError> {
    dispatch(crate::contracts::GetOrder {
        order_id,
        min_position,
    })
    .await
}

/// Cancels an order: staff any not yet delivered, a customer only a `pending` one.
#[server(name = CancelOrderCall, prefix = "/api/fn", endpoint = "cancel_order", input = Json)]
pub async fn cancel_order(order_id: Uuid, reason: String) -> Result<OrderStatusChanged, AppError> {
    dispatch(crate::contracts::CancelOrder { order_id, reason }).await
}

/// The signed-in customer's own figures and one page of their orders.
#[server(name = GetMyOrdersCall, prefix = "/api/fn", endpoint = "get_my_orders", input = Json)]
pub async fn get_my_orders(query: GetMyOrders) -> Result<CustomerHistory, AppError> {
    dispatch(query).await
}

/// A guest customer's lifetime figures and one page of their orders, found by phone
/// number: for staff only.
#[server(name = GetCustomerHistoryCall, prefix = "/api/fn", endpoint = "get_customer_history", input = Json)]
pub async fn get_customer_history(query: GetCustomerHistory) -> Result<CustomerHistory, AppError> {
    dispatch(query).await
}
