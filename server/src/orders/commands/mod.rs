//! Order commands, one per file; the lifecycle steps share `transition.rs`, which also
//! handles the plain ones ([`StepHandler`]).

mod assign_delivery;
mod cancel_order;
mod mark_order_delivered;
mod mark_order_ready;
mod mark_pizza_ready;
#[cfg(test)]
mod pizza_tests;
mod place_order;
mod start_cooking;
#[cfg(test)]
mod tests;
mod transition;

pub(crate) use assign_delivery::AssignDeliveryHandler;
pub(crate) use cancel_order::CancelOrderHandler;
pub(crate) use mark_pizza_ready::MarkPizzaReadyHandler;
pub(crate) use place_order::PlaceOrderHandler;
pub(crate) use start_cooking::StartCookingHandler;
pub(crate) use transition::StepHandler;
