//! Order commands, one handler per file; the lifecycle steps share `transition.rs`.

mod assign_delivery;
mod cancel_order;
mod mark_order_delivered;
mod mark_order_ready;
mod place_order;
mod start_cooking;
#[cfg(test)]
mod tests;
mod transition;

pub(crate) use assign_delivery::AssignDeliveryHandler;
pub(crate) use cancel_order::CancelOrderHandler;
pub(crate) use mark_order_delivered::MarkOrderDeliveredHandler;
pub(crate) use mark_order_ready::MarkOrderReadyHandler;
pub(crate) use place_order::PlaceOrderHandler;
pub(crate) use start_cooking::StartCookingHandler;
