//! The menu page and its pizza cards.

mod card;
mod page;

pub(crate) use page::MenuPage;
