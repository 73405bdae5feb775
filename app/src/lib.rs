//! Mario's Pizzeria, shared crate: everything both the browser and the server compile.
//!
//! # Layout
//! - [`contracts`]: commands, queries and DTOs, defined once; the mediator routes them.
//! - [`api`]: server functions, the client's typed calls into the mediator.
//! - [`error`]: [`AppError`], the one error type server functions return.
//! - `ui`: Leptos pages and components (SSR on the server, hydrated in the browser).
// Leptos view types nest deeply; the default limit is too low for whole pages.
#![recursion_limit = "256"]

pub mod api;
pub mod contracts;
pub mod error;
mod ui;

pub use error::AppError;
pub use ui::{App, shell};
