//! What every lifecycle command does, in the command's transaction: read the order's
//! status and version, let [`decide`] judge the step, move the `orders` row on only if
//! nobody else moved it meanwhile, and append the step's event at the version read.
//! The commands only say which step: [`PlainStep`] commands (`mark_order_ready.rs`,
//! `mark_order_delivered.rs`) are handled here by [`StepHandler`]; those with a check of
//! their own before the step (`start_cooking.rs`, ...) have their own handler.
//!
//! Two guards keep concurrent commands on one order from both succeeding: the `UPDATE`
//! matches the version it read (0 rows means another command won: 409), and the event
//! store refuses a second event with the same stream version (409). Either way the
//! transaction rolls back, so nothing is half-written.

use crate::db::{DbError, Tx, transaction};
use crate::events::{now, record};
use crate::orders::lifecycle::{Transition, decide};
use app::contracts::{Caller, OrderStatus, OrderStatusChanged};
use mediator::{Context, Done, Outcome, Problem, Request, RequestHandler};
use uuid::Uuid;

/// A lifecycle command that is its step and nothing more: no check of its own before the
/// ones every step shares.
pub(crate) trait PlainStep: Request<Response = OrderStatusChanged> {
    /// The order, and the step to take it through.
    fn step(self) -> (Uuid, Transition);
}

/// Handles every [`PlainStep`] command; answers 200 with the order's new status.
pub(crate) struct StepHandler;

impl<C: PlainStep> RequestHandler<C> for StepHandler {
    async fn handle(&self, command: C, ctx: &mut Context) -> Outcome<OrderStatusChanged> {
        let (order_id, transition) = command.step();
        change_status(ctx, order_id, transition).await
    }
}

/// Applies `transition` to the order and records the event [`decide`] answers; answers
/// 404 for an unknown order and 409 when its status forbids the step or another command
/// changed it first.
#[tracing::instrument(skip_all, fields(order_id = %order_id))]
pub(super) async fn change_status(
    ctx: &mut Context,
    order_id: Uuid,
    transition: Transition,
) -> Outcome<OrderStatusChanged> {
    // The member of staff who took the step; a customer's own cancellation is theirs.
    let by = staff_username(ctx);
    let tx = transaction(ctx)?;
    let (current, version) = find_status(tx, order_id)
        .await?
        .ok_or_else(|| Problem::not_found(format!("No order has the id {order_id}.")))?;
    let event = decide(current, transition, order_id, now(), by)
        .map_err(|refused| Problem::conflict(refused.to_string()))?;
    let status = event.status();
    if !advance(tx, order_id, status, version, 1).await? {
        return Err(changed_meanwhile());
    }
    let appended = record(ctx, version, event).await?;
    Ok(Done::ok(OrderStatusChanged {
        order_id,
        status,
        position: appended.position,
    }))
}

/// The member of staff sending the command, who the events it records name.
pub(super) fn staff_username(ctx: &Context) -> Option<String> {
    ctx.get::<Caller>()
        .and_then(Caller::staff_username)
        .map(str::to_owned)
}

pub(super) fn changed_meanwhile() -> Problem {
    Problem::conflict(
        "The order was changed by someone else at the same time; reload it and try again.",
    )
}

/// The order's status and version (the number of events in its stream), read through
/// the command's transaction; `None` when no order has that id.
pub(super) async fn find_status(
    tx: &mut Tx,
    order_id: Uuid,
) -> Result<Option<(OrderStatus, i64)>, DbError> {
    let row: Option<(String, i64)> =
        sqlx::query_as("SELECT status, version FROM orders WHERE id = $1")
            .bind(order_id.to_string())
            .fetch_optional(&mut **tx)
            .await?;
    row.map(|(status, version)| {
        let parsed = OrderStatus::parse(&status).ok_or(DbError::Corrupt {
            column: "orders.status",
            value: status,
        })?;
        Ok((parsed, version))
    })
    .transpose()
}

/// Moves the order to `status` and `events` versions on, only if it is still at
/// `version`. Returns whether it did. On PostgreSQL a concurrent writer of the same row
/// waits for this transaction and then matches no row, so it never overwrites this change.
pub(super) async fn advance(
    tx: &mut Tx,
    order_id: Uuid,
    status: OrderStatus,
    version: i64,
    events: i64,
) -> Result<bool, DbError> {
    let updated =
        sqlx::query("UPDATE orders SET status = $1, version = $2 WHERE id = $3 AND version = $4")
            .bind(status.as_str())
            .bind(version + events)
            .bind(order_id.to_string())
            .bind(version)
            .execute(&mut **tx)
            .await?;
    Ok(updated.rows_affected() == 1)
}
