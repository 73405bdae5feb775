//! Orders slice: pricing and placing orders, the events they raise, and order queries.

pub(crate) mod commands;
mod domain;
mod events;
pub(crate) mod queries;
mod store;

pub(crate) use events::{
    CookingStarted, OrderCancelled, OrderDelivered, OrderOutForDelivery, OrderPlaced, OrderReady,
};
