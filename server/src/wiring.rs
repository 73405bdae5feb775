//! Composition root of the mediator: every behavior, in order, and every handler.
//! Adding a command or query means adding one line here; a contract without a handler
//! makes start-up fail, naming the type.

use crate::behaviors::ProblemLogging;
use crate::menu::queries::GetMenuHandler;
use crate::orders::commands::PlaceOrderHandler;
use crate::orders::queries::{GetOrderHandler, GetOrderStatusHandler};
use app::contracts::{GetMenu, GetOrder, GetOrderStatus, PlaceOrder};
use mediator::{BuildError, Mediator};
use sqlx::AnyPool;

/// Builds the mediator with its pipeline and handlers.
pub(crate) fn build_mediator(pool: &AnyPool) -> Result<Mediator, BuildError> {
    Mediator::builder()
        .behavior(ProblemLogging)
        .handler::<PlaceOrder, _>(PlaceOrderHandler { pool: pool.clone() })
        .handler::<GetMenu, _>(GetMenuHandler { pool: pool.clone() })
        .handler::<GetOrder, _>(GetOrderHandler { pool: pool.clone() })
        .handler::<GetOrderStatus, _>(GetOrderStatusHandler { pool: pool.clone() })
        .expect::<PlaceOrder>()
        .expect::<GetMenu>()
        .expect::<GetOrder>()
        .expect::<GetOrderStatus>()
        .build()
}
