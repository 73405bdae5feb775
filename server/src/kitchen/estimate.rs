//! [`ready_time`]: when a new order will be ready, from the kitchen's queue as the
//! workload view holds it; 503 with `Retry-After` and the seed's message ("Kitchen is at
//! capacity. Estimated wait time is 52 minutes.") when that is further off than the shop
//! lets a customer wait (`KITCHEN_MAX_WAIT_MINUTES`).

use crate::db::{DbError, timestamp};
use crate::kitchen::workload::{Workload, wait_minutes};
use chrono::{DateTime, TimeDelta, Utc};
use mediator::Problem;
use sqlx::AnyConnection;

/// How the kitchen works: how many orders it cooks at once, and the longest wait it
/// takes an order for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct KitchenLimits {
    /// `KITCHEN_CAPACITY`.
    pub capacity: u32,
    /// `KITCHEN_MAX_WAIT_MINUTES`; `None`: any wait.
    pub max_wait_minutes: Option<u32>,
}

/// The queue: the waiting totals and the orders cooking, in one statement.
pub(crate) async fn load_workload(conn: &mut AnyConnection) -> Result<Workload, DbError> {
    let rows: Vec<(i64, i64, Option<i64>, Option<String>)> = sqlx::query_as(
        "SELECT w.waiting_orders, w.waiting_minutes, j.cook_minutes, j.cooking_since \
         FROM kitchen_workload_view w \
         LEFT JOIN kitchen_jobs_view j ON j.cooking_since IS NOT NULL WHERE w.id = 1",
    )
    .fetch_all(conn)
    .await?;
    let mut workload = Workload::default();
    for (waiting_orders, waiting_minutes, minutes, since) in rows {
        workload.waiting_orders = waiting_orders;
        workload.waiting_minutes = waiting_minutes;
        if let (Some(minutes), Some(since)) = (minutes, since) {
            let since = timestamp("kitchen_jobs_view.cooking_since", &since)?;
            workload.cooking.push((minutes, since));
        }
    }
    Ok(workload)
}

/// When an order taking `cook_minutes`, placed at `now`, will be ready; 503 when that is
/// more than the longest wait away.
pub(crate) async fn ready_time(
    conn: &mut AnyConnection,
    limits: KitchenLimits,
    cook_minutes: i64,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, Problem> {
    let ready = load_workload(conn)
        .await?
        .ready_at(limits.capacity, cook_minutes, now);
    let wait = wait_minutes(now, ready);
    match limits.max_wait_minutes {
        Some(max) if wait > i64::from(max) => {
            // Retry once the queue has moved by the excess; between 1 and 15 minutes.
            let retry_after = u32::try_from((wait - i64::from(max)) * 60)
                .unwrap_or(u32::MAX)
                .clamp(60, 900);
            Err(Problem::unavailable(
                format!(
                    "Kitchen is at capacity. Estimated wait time is {wait} minutes. \
                     Please try again in a little while."
                ),
                Some(retry_after),
            ))
        }
        _ => Ok(ready),
    }
}

/// When `order_id` will be ready as the queue stands now: for an order cooking, when its
/// cooking ends; for one waiting, the work ahead of it (the orders cooking, the orders
/// placed before it still waiting) spread over the kitchen's `capacity`, then its own.
/// `None` for an order no longer in the kitchen (ready, gone, cancelled): its estimate
/// is what placing it said.
pub(crate) async fn ready_time_now(
    conn: &mut AnyConnection,
    capacity: u32,
    order_id: &str,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, DbError> {
    let job: Option<(i64, i64, Option<String>)> = sqlx::query_as(
        "SELECT cook_minutes, placed_position, cooking_since FROM kitchen_jobs_view \
         WHERE order_id = $1",
    )
    .bind(order_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((cook_minutes, position, since)) = job else {
        return Ok(None);
    };
    if let Some(since) = since {
        let since = timestamp("kitchen_jobs_view.cooking_since", &since)?;
        return Ok(Some((since + TimeDelta::minutes(cook_minutes)).max(now)));
    }
    // PostgreSQL sums BIGINTs as NUMERIC: cast back.
    let (waiting_orders, waiting_minutes): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), CAST(COALESCE(SUM(cook_minutes), 0) AS BIGINT) \
         FROM kitchen_jobs_view WHERE cooking_since IS NULL AND placed_position < $1",
    )
    .bind(position)
    .fetch_one(&mut *conn)
    .await?;
    // The orders cooking as the whole queue has them; the waiting ones, only those ahead.
    let ahead = Workload {
        waiting_orders,
        waiting_minutes,
        ..load_workload(conn).await?
    };
    Ok(Some(ahead.ready_at(capacity, cook_minutes, now)))
}
