//! [`OpenForOrders`]: the pipeline behavior that refuses an order outside the opening
//! hours with 422 and the seed's kind of message ("Sorry, we're closed! Today's hours are
//! 11:00–22:00. We open again tomorrow at 11:00 (Europe/Rome time)."). Wired for
//! `PlaceOrder` alone, after validation, so a handler never sees an order the shop
//! cannot take. A retry of an order placed before closing (its `Idempotency-Key` is
//! remembered) goes on to the handler, which answers it as the first time.

use crate::hours::clock::ShopClock;
use crate::idempotency::is_remembered;
use app::contracts::IdempotencyKey;
use chrono::Utc;
use mediator::{Answer, Behavior, Context, Next, Problem, ProblemStatus, Request};
use sqlx::AnyPool;

/// Refuses requests outside the opening hours.
pub(crate) struct OpenForOrders {
    pub clock: ShopClock,
    pub pool: AnyPool,
}

impl Behavior for OpenForOrders {
    async fn handle<R: Request>(&self, req: R, ctx: &mut Context, next: impl Next<R>) -> Answer<R> {
        let schedule = self.clock.schedule().await?;
        let now = Utc::now();
        if !schedule.is_open(now) && !self.retried(R::name(), ctx).await? {
            return Err(Problem::new(
                ProblemStatus::Validation,
                schedule.closed_message(now),
            ));
        }
        next.run(req, ctx).await
    }
}

impl OpenForOrders {
    /// Whether the request retries one answered before, by its idempotency key.
    async fn retried(&self, scope: &str, ctx: &Context) -> Result<bool, Problem> {
        let Some(key) = ctx.get::<IdempotencyKey>() else {
            return Ok(false);
        };
        let mut conn = self
            .pool
            .acquire()
            .await
            .map_err(crate::db::DbError::from)?;
        Ok(is_remembered(&mut conn, scope, key).await?)
    }
}
