//! API tests: each starts the real server on port 0 with a fresh SQLite database and
//! talks HTTP to it.

mod bad_input;
mod helpers;
mod menu;
mod metrics;
mod orders;
mod pages;
