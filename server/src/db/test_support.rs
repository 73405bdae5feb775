//! Fresh databases for the persistence tests, on either backend: a temporary SQLite file
//! by default, or a new database on the PostgreSQL server that `TEST_DATABASE_URL` names
//! (`scripts/test postgres` sets it). Either way `connect` has migrated and seeded it.

use crate::db::{connect, is_sqlite};
use sqlx::postgres::PgConnectOptions;
use sqlx::{AnyPool, ConnectOptions, Connection, Executor, PgConnection};
use std::str::FromStr;
use tempfile::TempDir;

/// A migrated, seeded database that no other test uses.
pub(crate) struct TestDatabase {
    pub pool: AnyPool,
    /// Whether it is SQLite, for what differs by backend (`SqlUnitOfWork::sqlite`).
    pub sqlite: bool,
    // Held so the SQLite file lives as long as the pool. PostgreSQL databases are left
    // behind: the cluster they live in is thrown away after the run.
    _dir: Option<TempDir>,
}

/// Creates, migrates and seeds a database for one test.
pub(crate) async fn test_database() -> TestDatabase {
    let (url, dir) = match std::env::var("TEST_DATABASE_URL") {
        Ok(server) if !server.is_empty() => (create_postgres_database(&server).await, None),
        _ => {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let url = format!("sqlite://{}/test.db", dir.path().display());
            (url, Some(dir))
        }
    };
    let pool = connect(&url).await.expect("the test database opens");
    TestDatabase {
        pool,
        sqlite: is_sqlite(&url),
        _dir: dir,
    }
}

/// Creates `test_<uuid>` on the server at `server_url` and returns the new database's URL.
async fn create_postgres_database(server_url: &str) -> String {
    let server = PgConnectOptions::from_str(server_url).expect("TEST_DATABASE_URL is a URL");
    let name = format!("test_{}", uuid::Uuid::new_v4().simple());
    let mut admin = PgConnection::connect_with(&server)
        .await
        .expect("connecting to TEST_DATABASE_URL");
    admin
        .execute(format!(r#"CREATE DATABASE "{name}""#).as_str())
        .await
        .expect("creating a test database");
    admin.close().await.expect("closing the admin connection");
    server.database(&name).to_url_lossy().to_string()
}
