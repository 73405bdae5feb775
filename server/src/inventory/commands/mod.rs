//! The inventory commands, one handler per file.

mod set_stock;

pub(crate) use set_stock::SetStockHandler;
