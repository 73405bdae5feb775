//! Server functions: the client's way into the mediator. Each one only forwards its
//! contract to `dispatch`, which runs on the server; the same handlers serve REST.
//! (The generated request types are named `...Call` so they never shadow the contracts.)
//! One file per audience: what a customer calls, their account, the kitchen, delivery, the menu
//! editor, the shop's charges, the staff accounts.

mod account;
mod analytics;
mod charges_admin;
mod customer;
mod delivery;
#[cfg(feature = "ssr")]
mod dispatch;
mod inventory_admin;
mod kitchen;
mod menu_admin;
mod shop;
mod staff;
mod staff_admin;

pub use account::*;
pub use analytics::*;
pub use charges_admin::*;
pub use customer::*;
pub use delivery::*;
pub use inventory_admin::*;
pub use kitchen::*;
pub use menu_admin::*;
pub use shop::*;
pub use staff::*;
pub use staff_admin::*;

#[cfg(feature = "ssr")]
pub(crate) use dispatch::refuse;
#[cfg(feature = "ssr")]
pub use dispatch::{CallerFuture, CallerLookup};
#[cfg(feature = "ssr")]
use dispatch::{caller, context_mediator, dispatch, dispatch_in};
