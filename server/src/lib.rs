//! Mario's Pizzeria server: axum hosting the mediator, the handlers, the database and
//! the server-rendered Leptos app.
//!
//! # Layout
//! - [`config`]: settings read from the environment.
//! - `db`: the sqlx pool (SQLite by default, PostgreSQL by URL), migrations and seeding.
//! - `events`: the append-only event store.
//! - `projections`: the projector that keeps the read models up to date.
//! - `live`: the order updates the projector publishes, streamed to clients over SSE.
//! - `menu`, `orders`, `pricing`, `analytics`: vertical slices; one file per command or query
//!   handler, one per read model (`views/`).
//! - `staff`: accounts, sessions and the authorization behavior.
//! - `wiring`: the mediator's behaviors, in order, and every handler.
//! - `http`: REST routes and the one place where a problem becomes an HTTP response.
//! - [`Application`]: puts it together and listens.
//!
//! A request flows UI → server function (or REST route) → mediator → behaviors → handler →
//! database, and the answer carries an HTTP-like status all the way back.
// Leptos view types nest deeply; the default limit is too low for whole pages.
#![recursion_limit = "256"]

mod analytics;
mod application;
pub mod cli;
pub mod config;
mod customers;
mod db;
mod events;
mod health;
mod hours;
mod http;
mod idempotency;
mod integration;
mod inventory;
mod kitchen;
mod live;
mod menu;
mod metrics;
mod notifications;
mod orders;
mod outbox;
mod payments;
mod pricing;
mod projections;
#[cfg(test)]
mod read_side_tests;
mod serve;
pub mod settings;
mod staff;
#[cfg(test)]
mod testing;
mod wiring;

pub use application::Application;
pub use config::{
    Config, DEFAULT_DATABASE_TIMEOUT, HoursConfig, HttpConfig, RateLimits, StaffConfig,
};
#[doc(hidden)]
pub use db::create_postgres_database;
pub use orders::OrderLimits;
