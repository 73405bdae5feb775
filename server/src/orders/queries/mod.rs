//! Order queries, one handler per file.

mod get_order;
mod get_order_status;

pub(crate) use get_order::GetOrderHandler;
pub(crate) use get_order_status::GetOrderStatusHandler;
