//! Analytics slice: what sells and what it earns. It owns no write model: its read models
//! are projected from the orders' events, and its queries read only them.

pub(crate) mod buckets;
pub(crate) mod queries;
pub(crate) mod views;
