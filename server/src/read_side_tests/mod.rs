//! The read side as a whole, through the server's mediator (`crate::testing`), against a
//! real database: lifecycle and menu commands as every view shows them (the delivery
//! board in `delivery`), and a rebuild from the event log giving exactly the rows the
//! live projector wrote.

mod delivery;
mod driver_performance;
mod kitchen_performance;
mod lifecycle;
mod menu;
mod overview;
mod rebuild;
mod support;
