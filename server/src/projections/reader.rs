//! What query handlers read through: the read models' pool and the projector's
//! progress, so that every query can read its own writes and sees one snapshot.

use crate::db::{Tx, begin_snapshot};
use crate::projections::ProjectionWatch;
use mediator::Problem;
use sqlx::AnyPool;

/// The read side as a query handler sees it. Cheap to clone.
#[derive(Debug, Clone)]
pub(crate) struct ReadModels {
    pub pool: AnyPool,
    pub sqlite: bool,
    pub views: ProjectionWatch,
}

impl ReadModels {
    /// Waits until the read models include `min_position` (a 503 with `Retry-After`
    /// after 2 s, never stale data), then opens a read-only snapshot of them.
    pub async fn snapshot(&self, min_position: Option<i64>) -> Result<Tx, Problem> {
        self.views.wait_for(min_position).await?;
        Ok(begin_snapshot(&self.pool, self.sqlite).await?)
    }
}
