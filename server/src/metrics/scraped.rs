//! [`Scraped`]: the gauges read from their source when `/metrics` is scraped, rather
//! than kept up to date on every change: nothing on the request path pays for them.

use crate::db::Writer;
use metrics::gauge;
use sqlx::AnyPool;

/// Where the scraped gauges are read from.
#[derive(Clone)]
pub(crate) struct Scraped {
    pub pool: AnyPool,
    pub writer: Writer,
}

impl Scraped {
    /// Sets every scraped gauge to its value now.
    pub(crate) fn sample(&self) {
        let size = f64::from(self.pool.size());
        let idle = self.pool.num_idle() as f64;
        gauge!("db_pool_connections", "state" => "idle").set(idle);
        gauge!("db_pool_connections", "state" => "in_use").set((size - idle).max(0.0));
        gauge!("db_write_queue").set(self.writer.queued() as f64);
    }
}
