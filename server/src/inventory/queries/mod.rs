//! The inventory queries, one handler per file. Stock is read where it is kept: a read
//! model would trail the placements that change it every moment.

mod list_inventory;
mod list_recipes;

pub(crate) use list_inventory::{ListInventoryHandler, find_level};
pub(crate) use list_recipes::ListRecipesHandler;
