//! Metrics: the process's Prometheus recorder behind the `metrics` facade, what the server
//! records through it, and the gauges read when `/metrics` is scraped.
//!
//! | name | kind | labels | recorded by |
//! | --- | --- | --- | --- |
//! | `http_request_duration_seconds` | histogram | `method`, `route`, `status` | `http/request_id.rs` |
//! | `sse_streams_open` | gauge | | `http/streams.rs` |
//! | `projection_lag_seconds` | histogram | | the projector |
//! | `projector_batch_events` | histogram | | the projector |
//! | `projector_position` | gauge | | the projector |
//! | `sign_in_hash_queue` | gauge | | `staff/sign_in.rs` |
//! | `db_pool_connections` | gauge | `state` (`idle`, `in_use`) | [`Scraped`], at scrape |
//! | `db_write_queue` | gauge | | [`Scraped`], at scrape |
//! | `mediator_*` | | | the mediator's `Metrics` behavior |
//!
//! Labels are route patterns, methods, status codes and type names only: their values are
//! bounded by the program, never by what a client sends.

mod open_gauge;
mod recorder;
mod scraped;

pub(crate) use open_gauge::OpenGauge;
pub(crate) use recorder::{CONTENT_TYPE, prometheus, upkeep};
pub(crate) use scraped::Scraped;
