//! The customer's order pages: `/orders/:id` (one order, followed live, cancellable
//! while pending) and `/orders?phone=…` (their history).

mod cancel;
mod details;
mod follow;
mod history;
mod page;
mod progress;
mod saved_phone;
mod tracking;

pub(crate) use history::OrderHistoryPage;
pub(crate) use page::OrderPage;
pub(crate) use saved_phone::remember as remember_phone;
