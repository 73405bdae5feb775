//! Analytics slice: what sells, what it earns and how fast the shop serves. It owns no write model: its read models
//! are projected from the orders' events, and its queries read only them.

pub(crate) mod buckets;
pub(crate) mod queries;
pub(crate) mod views;
