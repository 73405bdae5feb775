//! The staff dashboard under `/staff`, for tablets in the kitchen and phones on the road.
//!
//! # Layout
//! - `login`: `/staff/login`, a plain form (works without JavaScript).
//! - `gate`: `StaffGate`, which every staff page is wrapped in: sign-in and role check.
//! - `nav`: the staff bar with the pages a role may open, and sign-out.
//! - `home`: `/staff`, which sends each role to its own page.
//! - `board`: what the live boards share: reload on live updates, command buttons.
//! - `kitchen`: `/staff/kitchen`, the FIFO queue, start cooking and ready.
//! - `delivery`: `/staff/delivery`, ready orders, out for delivery, delivered.

mod board;
mod delivery;
mod gate;
mod home;
mod kitchen;
mod login;
mod manage;
mod nav;

pub(crate) use delivery::DeliveryPage;
pub(crate) use gate::StaffGate;
pub(crate) use home::StaffHome;
pub(crate) use kitchen::KitchenPage;
pub(crate) use login::StaffLoginPage;
pub(crate) use manage::ManagementPage;
