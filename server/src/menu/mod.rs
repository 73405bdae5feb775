//! Menu slice: the pizzas on offer, how they are stored and seeded, and the menu query.

mod catalog;
pub(crate) mod queries;
mod seed;

pub(crate) use catalog::{Pizza, load_menu};
pub(crate) use seed::seed_menu;
