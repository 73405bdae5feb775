//! The menu page, its pizza cards and the line that says whether the shop is open.

mod card;
mod page;
mod shop_status;

pub(crate) use page::MenuPage;
