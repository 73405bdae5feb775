//! Orders slice: pricing and placing orders, moving them through their lifecycle, the
//! events they raise, the read models projected from them (`views`), and the order
//! queries, which read only those.

pub(crate) mod commands;
mod domain;
mod events;
mod lifecycle;
mod limits;
mod pizza_lines;
pub(crate) mod queries;
mod store;
pub(crate) use store::find_billing;
pub(crate) mod views;

pub(crate) use events::{
    CookingStarted, OrderCancelled, OrderDelivered, OrderEvent, OrderOutForDelivery, OrderPlaced,
    OrderReady, PizzaReady, account_key, order_stream,
};
pub use limits::OrderLimits;
