//! What query handlers read through: the read models' pool and the projector's
//! progress, so that every query can read its own writes and sees one snapshot.

use crate::db::{Backend, DbError, Tx, begin_snapshot};
use crate::projections::ProjectionWatch;
use mediator::Problem;
use sqlx::any::{AnyArguments, AnyRow};
use sqlx::query::QueryAs;
use sqlx::{Any, AnyPool, FromRow};

/// The read side as a query handler sees it. Cheap to clone.
#[derive(Debug, Clone)]
pub(crate) struct ReadModels {
    pub pool: AnyPool,
    pub backend: Backend,
    pub views: ProjectionWatch,
}

impl ReadModels {
    /// Waits until the read models include `min_position` (a 503 with `Retry-After`
    /// after 2 s, never stale data), then opens a read-only snapshot of them.
    /// A position beyond every committed change is a 400 at once: no wait would reach it.
    pub async fn snapshot(&self, min_position: Option<i64>) -> Result<Tx, Problem> {
        if let Some(position) = min_position
            && position > self.views.applied()
            && position > self.last_committed().await?
        {
            return Err(Problem::bad_request(
                "min_position is ahead of every change made so far; \
                 send the one a response gave you.",
            ));
        }
        self.views.wait_for(min_position).await?;
        Ok(begin_snapshot(&self.pool, self.backend).await?)
    }

    /// Runs one query on a [`snapshot`](Self::snapshot) taken at `min_position` and
    /// answers its rows: what a query handler that needs a single statement reads with.
    pub async fn fetch_all<'q, O>(
        &self,
        min_position: Option<i64>,
        query: QueryAs<'q, Any, O, AnyArguments<'q>>,
    ) -> Result<Vec<O>, Problem>
    where
        O: Send + Unpin + for<'r> FromRow<'r, AnyRow>,
    {
        let mut tx = self.snapshot(min_position).await?;
        let rows = query.fetch_all(&mut *tx).await.map_err(DbError::from)?;
        tx.commit().await?;
        Ok(rows)
    }

    /// Looks something up with `find` (given `min_position`); when that finds nothing,
    /// waits until the read models include every event committed so far (a 503 with
    /// `Retry-After` after 2 s) and looks again, so that "not found" never just means
    /// "not projected yet".
    pub async fn find_settled<T, F, Fut>(
        &self,
        min_position: Option<i64>,
        find: F,
    ) -> Result<Option<T>, Problem>
    where
        F: Fn(Option<i64>) -> Fut,
        Fut: Future<Output = Result<Option<T>, Problem>>,
    {
        // Taken before the first look: that look sees at least this much.
        let seen = self.views.applied();
        let found = find(min_position).await?;
        if found.is_some() || !self.catch_up_after_miss(seen).await? {
            return Ok(found);
        }
        find(None).await
    }

    /// The position of the last committed event (0 for an empty log).
    async fn last_committed(&self) -> Result<i64, Problem> {
        let (last,): (Option<i64>,) = sqlx::query_as("SELECT MAX(position) FROM events")
            .fetch_one(&self.pool)
            .await
            .map_err(DbError::from)?;
        Ok(last.unwrap_or(0))
    }

    /// After a lookup found nothing in read models that included `seen`: waits until
    /// they include every event committed so far. Answers whether anything was
    /// committed after `seen`, that is whether looking again may find what the first
    /// look missed.
    async fn catch_up_after_miss(&self, seen: i64) -> Result<bool, Problem> {
        let last = self.last_committed().await?;
        if last <= seen {
            return Ok(false);
        }
        self.views.wait_for(Some(last)).await?;
        Ok(true)
    }
}
