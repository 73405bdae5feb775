//! Menu commands (staff), one handler per file; the rows they write are in `menu::store`.

mod add_pizza;
mod remove_pizza;
#[cfg(test)]
mod tests;
mod update_pizza;

pub(crate) use add_pizza::AddPizzaHandler;
pub(crate) use remove_pizza::RemovePizzaHandler;
pub(crate) use update_pizza::UpdatePizzaHandler;
