//! The behaviors this crate ships, each in its own file; every one is domain-free and
//! optional. Their order is the order they are added to the builder.

mod cache_store;
mod caching;
#[cfg(feature = "metrics")]
mod metrics;
mod only;
mod trace;
mod transaction;
mod validation;

pub use caching::{CachePolicy, Caching, Clock, SystemClock};
#[cfg(feature = "metrics")]
pub use metrics::Metrics;
pub use only::{Only, TypeList};
pub use trace::Tracing;
pub use transaction::{Begun, Transactional, UnitOfWork};
pub use validation::Validation;
