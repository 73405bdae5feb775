//! Pricing slice: what an order costs beyond its pizzas. The shop's delivery fee and tax
//! and the promo codes managers set (`commands`, `queries`, `store`, `events`), the pure
//! rules of the bill (`domain`), and [`bill`], which placing and quoting an order share.

mod charges;
pub(crate) mod commands;
mod domain;
mod events;
pub(crate) mod queries;
mod store;

pub(crate) use charges::bill;
pub(crate) use store::use_promo;
