//! The customer-facing Leptos UI: rendered on the server, hydrated in the browser.
//!
//! # Layout
//! - `account`: `/account` (profile and notifications), `/account/login` and
//!   `/account/register`, a customer's sign-in and sign-up.
//! - `app`: the HTML shell and the root component with its routes.
//! - `content_policy`: the pages' Content-Security-Policy, with the render's nonce.
//! - `header`: the top bar, with who is signed in and their unread notifications.
//! - `layout`: the footer and the pieces every page shares (loading, errors, 404).
//! - `menu`: `/`, the pizza cards and the category filter.
//! - `cart`: the cart model, its app-wide context (saved in `localStorage`) and sidebar.
//! - `checkout`: `/checkout`, the summary and the delivery form.
//! - `order`: `/orders/:id`, an order followed live (and cancelled while pending), and
//!   `/orders`, a signed-in customer's orders (for staff: a guest's, by phone).
//! - `live`: `subscribe_updates`, the browser's side of the live-update streams.
//! - `format`: how money, sizes, times and links are written.
//! - `shop_zone`: the shop's clock, which every time shown is read on.
//! - `radio`: one radio button of a `.choices` fieldset with its label.
//! - `server_data`: resources for server data, decoded the way server functions are.
//! - `routes`: the lazy routes, one wasm chunk per page but the menu.
//! - `staff`: `/staff/...`, the staff dashboard: sign-in, kitchen, delivery, management.
//! - `text_field`: a labelled text input with its server-side error.
//! - `erase`: `.erase()`, an `into_any()` that compiles less code into the wasm bundle.

mod account;
mod app;
mod cart;
mod checkout;
mod content_policy;
mod erase;
mod format;
mod header;
mod layout;
mod live;
mod menu;
mod order;
mod radio;
mod routes;
mod server_data;
mod shop_zone;
mod staff;
mod text_field;

pub use app::{App, shell};
