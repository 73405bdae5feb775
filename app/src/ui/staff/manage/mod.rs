//! The management page (`/staff/manage`): what sells and what it earns, drawn as SVG
//! charts, the menu editor, and what orders pay beyond their pizzas.
//!
//! # Layout
//! - `page`: the page and its three sections.
//! - `analytics`: the analytics section, popular pizzas and orders by status.
//! - `revenue`: the revenue card, per hour or per day.
//! - `charts`: chart geometry (axes, shares, columns), free of any view and tested.
//! - `bar_chart`, `column_chart`: the SVG charts drawn from that geometry.
//! - `menu_editor`: the menu section, its list and its reload after each change.
//! - `editor`: what the editor's parts share: one command at a time, the toast, reload.
//! - `pizza_row`: one pizza with edit, take off (or put on) the menu, and remove.
//! - `edit_form`, `add_form`: changing a pizza, adding one.
//! - `fields`: labelled fields with the server's messages, and parsing what is typed.
//! - `toast`: the message that says what the last change did.
//! - `shop_pricing`: the delivery fee and tax form, and the section around it.
//! - `promo_codes`: the promo codes, their deletion and the form that creates one.
//! - `opening_hours`: the time zone, weekly hours and closure days form.
//! - `dead_messages`: the messages the outbox gave up sending, each with a retry.
//! - `staff_accounts`: the staff accounts (role, disable, new password) and the add form.

mod add_form;
mod analytics;
mod bar_chart;
mod charts;
mod column_chart;
mod dead_messages;
mod edit_form;
mod editor;
mod fields;
mod kitchen_card;
mod menu_editor;
mod opening_hours;
mod overview;
mod page;
mod pizza_row;
mod promo_codes;
mod revenue;
mod shop_pricing;
mod staff_accounts;
mod stock;
mod toast;

pub(crate) use page::ManagementPage;
