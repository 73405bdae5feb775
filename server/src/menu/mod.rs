//! Menu slice: the pizzas on offer, how they are stored and seeded, and the menu query.

mod catalog;
mod events;
pub(crate) mod queries;
mod seed;

pub(crate) use catalog::{Pizza, load_menu};
pub(crate) use events::{PizzaAdded, PizzaRemoved, PizzaState, PizzaUpdated, pizza_stream};
pub(crate) use seed::seed_menu;
