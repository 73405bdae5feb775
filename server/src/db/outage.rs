//! Telling a database that cannot be reached (down, restarting, out of connections) from a
//! statement that failed: the first is answered 503 with `Retry-After`, so clients wait
//! and retry; the second is a bug, answered 500.

use crate::db::DbError;
use mediator::Problem;

/// Seconds a client is asked to wait before retrying while the database is unreachable.
pub(crate) const RETRY_AFTER_OUTAGE_SECS: u32 = 5;

/// The 503 answered while the database cannot be reached; the cause is logged, not shown.
pub(crate) fn database_unavailable(cause: &dyn std::fmt::Display) -> Problem {
    tracing::warn!(error = %cause, "the database cannot be reached");
    Problem::unavailable(
        "The service cannot reach its database right now; try again shortly.",
        Some(RETRY_AFTER_OUTAGE_SECS),
    )
}

impl DbError {
    /// Whether the database could not be reached, rather than refusing a statement.
    pub(crate) fn is_unreachable(&self) -> bool {
        match self {
            Self::Sqlx(error) => is_unreachable(error),
            Self::Projection { source, .. } => source.is_unreachable(),
            Self::Corrupt { .. } | Self::Batch(_) => false,
        }
    }
}

/// Whether `error` says the database could not be reached: no connection within the
/// acquire timeout, a connection refused or cut, or PostgreSQL refusing connections
/// (SQLSTATE class 08, shutting down 57P01–57P03, too many connections 53300).
pub(crate) fn is_unreachable(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(error) => error.code().is_some_and(|code| {
            code.starts_with("08") || matches!(&*code, "57P01" | "57P02" | "57P03" | "53300")
        }),
        _ => false,
    }
}

/// Whether anything in `error`'s chain of causes is a database that could not be reached.
pub(crate) fn chain_is_unreachable(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<sqlx::Error>()
            .is_some_and(is_unreachable)
            || cause
                .downcast_ref::<DbError>()
                .is_some_and(DbError::is_unreachable)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io;

    #[test]
    fn lost_connections_are_unreachable_and_failed_statements_are_not() {
        let reset = io::Error::new(io::ErrorKind::ConnectionReset, "reset by peer");
        assert!(is_unreachable(&sqlx::Error::PoolTimedOut));
        assert!(is_unreachable(&sqlx::Error::Io(reset)));
        assert!(!is_unreachable(&sqlx::Error::RowNotFound));
        assert!(!is_unreachable(&sqlx::Error::Protocol("bad".into())));
    }

    #[test]
    fn a_read_model_failing_for_an_outage_is_an_outage() {
        let projection = DbError::Projection {
            view: "order_views",
            position: 7,
            source: Box::new(DbError::Sqlx(sqlx::Error::PoolTimedOut)),
        };
        assert!(projection.is_unreachable());
        assert!(!DbError::Batch("disk full".into()).is_unreachable());
    }

    #[test]
    fn an_outage_anywhere_in_a_chain_of_causes_is_found() {
        let error = anyhow::Error::new(sqlx::Error::PoolTimedOut).context("checking a password");
        assert!(chain_is_unreachable(&error));
        let error = anyhow::anyhow!("no such account").context("checking a password");
        assert!(!chain_is_unreachable(&error));
    }

    #[test]
    fn the_outage_answer_is_503_with_retry_after_and_hides_the_cause() {
        let problem = database_unavailable(&"connection refused (os error 111) at 10.0.0.5");
        assert_eq!(problem.status.code(), 503);
        assert_eq!(problem.retry_after_secs, Some(RETRY_AFTER_OUTAGE_SECS));
        assert!(!problem.detail.contains("10.0.0.5"));
    }
}
