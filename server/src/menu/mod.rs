//! Menu slice: the pizzas on offer, how they are stored and seeded, the staff commands
//! that change them, the menu view projected from their events, and the menu query.

mod catalog;
pub(crate) mod commands;
mod events;
pub(crate) mod queries;
mod seed;
mod store;
pub(crate) mod views;

pub(crate) use catalog::load_pizzas;
pub(crate) use events::{
    MenuEvent, PizzaAdded, PizzaRemoved, PizzaState, PizzaUpdated, pizza_stream,
};
pub(crate) use seed::seed_menu;
