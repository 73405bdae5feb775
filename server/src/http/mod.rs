//! HTTP: the REST API under `/api` (its live updates over SSE in `streams`), the server
//! functions and the Leptos pages, with compression (never of an event stream) and a
//! 64 KiB body limit. Every REST route only builds a contract and sends
//! it through the mediator, with the caller the session cookie names (`session.rs`);
//! [`problem`] is the one place a problem becomes a response.

mod analytics;
mod api_doc;
mod api_reference;
mod auth;
mod auth_form;
mod built_files;
mod client;
mod customers;
mod delivery;
mod health;
mod hours;
mod integration;
mod inventory;
mod json;
mod kitchen;
mod menu;
mod metrics;
mod orders;
mod outbox;
mod page_account;
mod payments;
mod pricing;
mod problem;
mod query;
mod rate_limits;
mod reply;
mod request_id;
mod router;
mod same_origin;
mod security_headers;
mod session;
mod staff_members;
mod staff_orders;
mod state;
mod streams;

pub(crate) use metrics::{serve_metrics, token_digest_of};
pub(crate) use rate_limits::RateLimiters;
pub(crate) use router::router;
pub(crate) use state::AppState;
