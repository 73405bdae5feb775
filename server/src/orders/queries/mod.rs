//! Order queries, one handler per file; each reads only the order read models, except
//! `GetPriceQuote`, which prices a cart from the rows placing charges by.

mod get_customer_history;
mod get_delivery_board;
mod get_kitchen_queue;
mod get_my_orders;
mod get_order;
mod get_order_status;
mod get_price_quote;
mod list_orders;

pub(crate) use get_customer_history::{GetCustomerHistoryHandler, find_top_pizzas, find_totals};
pub(crate) use get_delivery_board::GetDeliveryBoardHandler;
pub(crate) use get_kitchen_queue::GetKitchenQueueHandler;
pub(crate) use get_my_orders::GetMyOrdersHandler;
pub(crate) use get_order::GetOrderHandler;
pub(crate) use get_order_status::GetOrderStatusHandler;
pub(crate) use get_price_quote::GetPriceQuoteHandler;
pub(crate) use list_orders::ListOrdersHandler;
