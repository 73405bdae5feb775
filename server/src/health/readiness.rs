//! [`Readiness`]: whether this server can serve. It is ready when the database answers
//! (within [`DATABASE_TIMEOUT`]) with the schema this build migrates to, and the projector
//! runs and trails the writes by at most `max_lag`. Each check says what it saw in words
//! a client may read: no internal error text, no order volumes.

use crate::db::{Backend, DbError, timestamp};
use crate::projections::ProjectionWatch;
use chrono::Utc;
use serde::Serialize;
use sqlx::AnyPool;
use std::time::Duration;
use tokio::time::timeout;

/// How long the database has to answer a readiness query.
pub(crate) const DATABASE_TIMEOUT: Duration = Duration::from_secs(2);

/// One thing `/readyz` looked at, and what it saw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Check {
    pub name: &'static str,
    pub ok: bool,
    pub detail: String,
}

impl Check {
    pub(crate) fn passed(name: &'static str, detail: impl Into<String>) -> Self {
        let detail = detail.into();
        Self {
            name,
            ok: true,
            detail,
        }
    }

    pub(crate) fn failed(name: &'static str, detail: impl Into<String>) -> Self {
        let detail = detail.into();
        Self {
            name,
            ok: false,
            detail,
        }
    }
}

/// What `/readyz` checks. Cheap to clone.
#[derive(Debug, Clone)]
pub(crate) struct Readiness {
    pool: AnyPool,
    views: ProjectionWatch,
    /// The latest migration this build knows.
    schema_version: i64,
    /// `READY_MAX_LAG_SECS`: how far the read models may trail the writes.
    max_lag: Duration,
}

impl Readiness {
    /// The checks for `pool`, a `backend` database, and the projector behind `views`.
    pub(crate) fn new(
        pool: AnyPool,
        backend: Backend,
        views: ProjectionWatch,
        max_lag: Duration,
    ) -> Self {
        Self {
            pool,
            views,
            schema_version: backend.latest_migration(),
            max_lag,
        }
    }

    /// Every check, in order: the database, then the projector.
    pub(crate) async fn checks(&self) -> Vec<Check> {
        vec![self.database().await, self.projector().await]
    }

    async fn database(&self) -> Check {
        let name = "database";
        match timeout(DATABASE_TIMEOUT, self.applied_schema()).await {
            Ok(Ok(version)) if version == self.schema_version => {
                Check::passed(name, format!("answers, schema version {version}"))
            }
            Ok(Ok(version)) => Check::failed(
                name,
                format!(
                    "schema version {version}, but this server needs {}",
                    self.schema_version
                ),
            ),
            Ok(Err(error)) => {
                tracing::warn!(%error, "readiness: the database failed a query");
                Check::failed(name, "the database refused the query")
            }
            Err(_) => Check::failed(
                name,
                format!(
                    "the database did not answer within {} s",
                    DATABASE_TIMEOUT.as_secs()
                ),
            ),
        }
    }

    async fn applied_schema(&self) -> Result<i64, DbError> {
        let (version,): (Option<i64>,) =
            sqlx::query_as("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
                .fetch_one(&self.pool)
                .await?;
        Ok(version.unwrap_or(0))
    }

    async fn projector(&self) -> Check {
        let name = "projector";
        if !self.views.running() {
            return Check::failed(name, "the projector has stopped");
        }
        let behind = match timeout(DATABASE_TIMEOUT, self.oldest_unapplied()).await {
            Ok(Ok(behind)) => behind,
            Ok(Err(error)) => {
                tracing::warn!(%error, "readiness: reading the projector's backlog failed");
                return Check::failed(name, "its backlog could not be read");
            }
            Err(_) => {
                let seconds = DATABASE_TIMEOUT.as_secs();
                return Check::failed(
                    name,
                    format!("its backlog could not be read within {seconds} s"),
                );
            }
        };
        match behind {
            None => Check::passed(name, "the read models include every write"),
            Some(behind) if behind <= self.max_lag => Check::passed(
                name,
                format!("the read models trail the writes by {} s", behind.as_secs()),
            ),
            Some(behind) => Check::failed(
                name,
                format!(
                    "the read models trail the writes by {} s, more than {} s",
                    behind.as_secs(),
                    self.max_lag.as_secs()
                ),
            ),
        }
    }

    /// How long ago the oldest event the projector has not applied happened; `None`
    /// when it applied every one.
    async fn oldest_unapplied(&self) -> Result<Option<Duration>, DbError> {
        let oldest: Option<(String,)> = sqlx::query_as(
            "SELECT recorded_at FROM events WHERE position > $1 ORDER BY position LIMIT 1",
        )
        .bind(self.views.applied())
        .fetch_optional(&self.pool)
        .await?;
        let Some((recorded_at,)) = oldest else {
            return Ok(None);
        };
        let at = timestamp("events.recorded_at", &recorded_at)?;
        Ok(Some((Utc::now() - at).to_std().unwrap_or_default()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::test_support::{TestDatabase, test_database};
    use crate::db::timestamp_text;
    use tokio::sync::watch;

    const MAX_LAG: Duration = Duration::from_secs(30);

    /// A readiness over a fresh database whose projector (the returned sender) has
    /// applied every event so far, and will apply nothing more on its own.
    async fn caught_up() -> (TestDatabase, watch::Sender<i64>, Readiness) {
        let db = test_database().await;
        let (head,): (Option<i64>,) = sqlx::query_as("SELECT MAX(position) FROM events")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        let (applied, receiver) = watch::channel(head.unwrap_or(0));
        let views = ProjectionWatch::new(receiver);
        let readiness = Readiness::new(db.pool.clone(), db.backend, views, MAX_LAG);
        (db, applied, readiness)
    }

    #[tokio::test]
    async fn a_database_with_this_schema_and_a_projector_that_kept_up_are_ready() {
        let (_db, _applied, readiness) = caught_up().await;
        let checks = readiness.checks().await;
        let expected = format!("answers, schema version {}", readiness.schema_version);
        assert_eq!(
            checks,
            [
                Check::passed("database", expected),
                Check::passed("projector", "the read models include every write"),
            ]
        );
    }

    #[tokio::test]
    async fn a_projector_stuck_behind_an_old_write_is_not_ready() {
        let (db, _applied, readiness) = caught_up().await;
        let ten_minutes_ago = Utc::now() - chrono::TimeDelta::minutes(10);
        sqlx::query(
            "INSERT INTO events (stream_id, stream_version, event_type, schema_version, \
             payload, recorded_at) VALUES ('test-stuck', 1, 'TestHappened', 1, '{}', $1)",
        )
        .bind(timestamp_text(ten_minutes_ago))
        .execute(&db.pool)
        .await
        .unwrap();
        let projector = &readiness.checks().await[1];
        assert!(!projector.ok);
        assert!(
            projector
                .detail
                .starts_with("the read models trail the writes by 60")
                && projector.detail.ends_with("s, more than 30 s"),
            "{projector:?}"
        );
    }

    #[tokio::test]
    async fn a_projector_that_ended_is_not_ready() {
        let (_db, applied, readiness) = caught_up().await;
        drop(applied);
        let projector = &readiness.checks().await[1];
        assert_eq!(
            projector,
            &Check::failed("projector", "the projector has stopped")
        );
    }

    #[tokio::test]
    async fn a_database_that_refuses_is_not_ready_and_its_error_stays_in_the_log() {
        let (db, _applied, readiness) = caught_up().await;
        db.pool.close().await;
        let checks = readiness.checks().await;
        assert_eq!(
            checks,
            [
                Check::failed("database", "the database refused the query"),
                Check::failed("projector", "its backlog could not be read"),
            ]
        );
    }
}
