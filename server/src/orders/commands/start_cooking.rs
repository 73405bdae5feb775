//! `StartCooking`: the kitchen takes a `pending` order; records `CookingStarted` and uses
//! up the stock the order held.
//! The kitchen cooks a limited number of orders at once: beyond its capacity the
//! command answers 503 with `Retry-After`. The steps every lifecycle command shares are
//! in `transition.rs`.

use crate::db::{DbError, Tx, timestamp_text, transaction};
use crate::events::{lock_for_append, now};
use crate::inventory::consume_stock;
use crate::orders::commands::transition::{change_status, find_status};
use crate::orders::lifecycle::Transition;
use app::contracts::{OrderStatus, OrderStatusChanged, StartCooking};
use mediator::{Context, Outcome, Problem, RequestHandler};

/// Seconds a client is asked to wait when the kitchen is full.
const RETRY_WHEN_FULL_SECS: u32 = 30;

/// Handles [`StartCooking`]; answers 200 with the order's new status, `cooking`.
pub(crate) struct StartCookingHandler {
    /// Orders that may be cooking at once.
    pub capacity: u32,
}

impl RequestHandler<StartCooking> for StartCookingHandler {
    #[tracing::instrument(name = "StartCooking", skip_all, fields(order_id = %command.order_id))]
    async fn handle(
        &self,
        command: StartCooking,
        ctx: &mut Context,
    ) -> Outcome<OrderStatusChanged> {
        // Counted in the command's transaction after taking the append lock, so two
        // orders can never both take the last place: writers are serialized from here to
        // commit (SQLite by `BEGIN IMMEDIATE`, PostgreSQL by the lock).
        // Only a pending order waits for room: an unknown one still answers 404 and one
        // past `pending` 409, from `change_status`.
        let tx = transaction(ctx)?;
        lock_for_append(tx).await?;
        let pending = matches!(
            find_status(tx, command.order_id).await?,
            Some((OrderStatus::Pending, _))
        );
        let cooking = if pending {
            cooking_orders(tx).await?
        } else {
            0
        };
        if cooking >= i64::from(self.capacity) {
            return Err(Problem::unavailable(
                format!(
                    "The kitchen is cooking {cooking} orders, its capacity; \
                     try again when one is ready."
                ),
                Some(RETRY_WHEN_FULL_SECS),
            ));
        }
        let start = Transition::StartCooking {
            minutes: command.minutes,
        };
        let started = change_status(ctx, command.order_id, start).await?;
        // For the time each pizza spends in the oven (`MarkPizzaReady`).
        let tx = transaction(ctx)?;
        sqlx::query("UPDATE orders SET cooking_since = $1 WHERE id = $2")
            .bind(timestamp_text(now()))
            .bind(command.order_id.to_string())
            .execute(&mut **tx)
            .await
            .map_err(DbError::from)?;
        // Into the oven: what the order held is used up.
        consume_stock(ctx, command.order_id).await?;
        Ok(started)
    }
}

/// How many orders are `cooking` in the write model.
async fn cooking_orders(tx: &mut Tx) -> Result<i64, DbError> {
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM orders WHERE status = $1")
        .bind(OrderStatus::Cooking.as_str())
        .fetch_one(&mut **tx)
        .await?;
    Ok(count)
}
