//! The orders slice's read models, one projection per file, and what they share.

mod customer_history_view;
mod delivery_board_view;
mod kitchen_queue_view;
mod order_detail_view;
mod order_pizzas;
mod order_summary_view;
mod order_view;
mod placed_runs;
mod status_change;
mod tally_view;

pub(crate) use customer_history_view::CustomerHistoryView;
pub(crate) use delivery_board_view::{DeliveryBoardView, KITCHEN_LANE};
pub(crate) use kitchen_queue_view::KitchenQueueView;
pub(crate) use order_detail_view::OrderDetailView;
pub(crate) use order_pizzas::pizza_quantities;
pub(crate) use order_summary_view::{OrderSummaryView, SummaryFilter, find_summaries};
pub(crate) use order_view::{OrderView, PlaceRun};
pub(crate) use placed_runs::{Placed, Summed, add_row, apply_in_runs};
pub(crate) use status_change::{StatusChange, stored_status};
pub(crate) use tally_view::TallyView;
