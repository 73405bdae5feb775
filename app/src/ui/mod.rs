//! The customer-facing Leptos UI: rendered on the server, hydrated in the browser.
//!
//! # Layout
//! - `app`: the HTML shell and the root component with its routes.
//! - `layout`: header, footer and the pieces every page shares (loading, errors, 404).
//! - `menu`: `/`, the pizza cards and the category filter.
//! - `cart`: the cart model, its app-wide context (saved in `localStorage`) and sidebar.
//! - `checkout`: `/checkout`, the summary and the delivery form.
//! - `order`: `/orders/:id`, the confirmation page.
//! - `format`: how money, sizes, times and links are written.
//! - `server_data`: resources for server data, decoded the way server functions are.
//! - `client_only`: `.client_only()`, for views the server never renders (the cart's).
//! - `erase`: `.erase()`, an `into_any()` that compiles less code into the wasm bundle.

mod app;
mod cart;
mod checkout;
mod client_only;
mod erase;
mod format;
mod layout;
mod menu;
mod order;
mod server_data;

pub use app::{App, shell};
