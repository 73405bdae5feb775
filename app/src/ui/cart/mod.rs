//! The customer's cart: its model, its app-wide context and the sidebar showing it.

mod context;
mod model;
mod panel;
#[cfg(feature = "hydrate")]
mod storage;

pub(crate) use context::{SavedCart, provide_cart, use_cart};
pub(crate) use model::{Cart, CartLine};
pub(crate) use panel::{CartBar, CartPanel};
