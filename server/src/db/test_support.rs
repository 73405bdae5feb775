//! Fresh databases for the persistence tests, on either backend: a temporary SQLite file
//! by default, or a new database on the PostgreSQL server that `TEST_DATABASE_URL` names
//! (`scripts/test postgres` sets it). Either way `connect` has migrated and seeded it.

use crate::config::DEFAULT_DATABASE_TIMEOUT;
use crate::db::{Backend, connect};
use sqlx::AnyPool;
use tempfile::TempDir;

/// A migrated, seeded database that no other test uses.
pub(crate) struct TestDatabase {
    pub pool: AnyPool,
    /// Which database it is, for what differs by backend.
    pub backend: Backend,
    // Held so the SQLite file lives as long as the pool. PostgreSQL databases are left
    // behind: the cluster they live in is thrown away after the run.
    _dir: Option<TempDir>,
}

/// Creates, migrates and seeds a database for one test.
pub(crate) async fn test_database() -> TestDatabase {
    let (url, dir) = match std::env::var("TEST_DATABASE_URL") {
        Ok(server) if !server.is_empty() => (postgres_test_database(&server).await, None),
        _ => {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let url = format!("sqlite://{}/test.db", dir.path().display());
            (url, Some(dir))
        }
    };
    let pool = connect(&url, DEFAULT_DATABASE_TIMEOUT)
        .await
        .expect("the test database opens");
    TestDatabase {
        pool,
        backend: Backend::of_url(&url),
        _dir: dir,
    }
}

/// A new database on the PostgreSQL server `TEST_DATABASE_URL` names.
async fn postgres_test_database(server: &str) -> String {
    crate::db::create_postgres_database(server)
        .await
        .expect("creating a test database on TEST_DATABASE_URL")
}
