//! The checkout page: summary, delivery form, and the feedback they share.

mod bill;
mod card;
mod feedback;
mod form;
mod page;
mod summary;

pub(crate) use page::CheckoutPage;
