//! Composition root of the mediator: every behavior, in order, and every handler.
//! Adding a command or query means adding one line here; a contract without a handler
//! makes start-up fail, naming the type.

use crate::db::SqlUnitOfWork;
use crate::menu::queries::GetMenuHandler;
use crate::orders::commands::PlaceOrderHandler;
use crate::orders::queries::{GetOrderHandler, GetOrderStatusHandler};
use crate::projections::{Projection, ProjectionWatch};
use app::contracts::{GetMenu, GetOrder, GetOrderStatus, PlaceOrder};
use mediator::{
    BuildError, CachePolicy, Caching, Mediator, Metrics, MetricsRegistry, Tracing, Transactional,
    Validation,
};
use sqlx::AnyPool;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

/// What handlers and behaviors are built from.
pub(crate) struct Services {
    pub pool: AnyPool,
    pub sqlite: bool,
    pub metrics: Arc<MetricsRegistry>,
    /// Notified after each command commits; wakes the projector.
    pub committed: Arc<Notify>,
    /// The projector's progress, for queries that read their own writes.
    pub views: ProjectionWatch,
}

/// Every read model the projector maintains, in the order it applies them.
pub(crate) fn projections() -> Vec<Box<dyn Projection>> {
    Vec::new()
}

/// The menu changes rarely and only through staff commands; a minute of staleness at most
/// until those commands exist and invalidate it by their events.
const MENU_CACHE: CachePolicy = CachePolicy {
    ttl: Duration::from_secs(60),
    capacity: 32,
};

/// Builds the mediator with its pipeline and handlers. The order of behaviors is the
/// order they wrap a request, outermost first:
/// 1. `Tracing`: one span per request and event; logs each failure once, with its cause.
/// 2. `Metrics`: counts and times every request for `GET /metrics`.
/// 3. `Validation`: refuses invalid input with 422 before anything else runs.
/// 4. `Caching`: answers cached queries; sees events to invalidate them.
/// 5. `Transactional`: wraps commands in a transaction committed only on success, so
///    their events are published only after commit.
pub(crate) fn build_mediator(services: &Services) -> Result<Mediator, BuildError> {
    let Services {
        pool,
        sqlite,
        metrics,
        committed,
        ..
    } = services;
    let caching = Caching::new().query::<GetMenu>(MENU_CACHE);
    let unit_of_work = SqlUnitOfWork {
        pool: pool.clone(),
        sqlite: *sqlite,
        committed: committed.clone(),
    };
    Mediator::builder()
        .behavior(Tracing)
        .behavior(Metrics::new(metrics.clone()))
        .behavior(Validation)
        .behavior(caching)
        .behavior(Transactional::new(unit_of_work))
        .handler::<PlaceOrder, _>(PlaceOrderHandler)
        .handler::<GetMenu, _>(GetMenuHandler { pool: pool.clone() })
        .handler::<GetOrder, _>(GetOrderHandler { pool: pool.clone() })
        .handler::<GetOrderStatus, _>(GetOrderStatusHandler { pool: pool.clone() })
        .expect::<PlaceOrder>()
        .expect::<GetMenu>()
        .expect::<GetOrder>()
        .expect::<GetOrderStatus>()
        .build()
}
