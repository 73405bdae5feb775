//! [`Backend`]: which database a pool talks to. Every place where SQLite and PostgreSQL
//! differ matches on it, so adding a backend is a compile error wherever it matters.

use futures_util::future::BoxFuture;
use sqlx::AnyConnection;
use sqlx::error::BoxDynError;
use sqlx::migrate::{MigrateError, Migration, MigrationSource, Migrator};

// Migrations live in three folders. `shared/` holds those both dialects read alike, once.
// `sqlite/` and `postgres/` hold near twins, on purpose: the dialects differ where it
// matters (the event log's `position` in 0001 is AUTOINCREMENT in one, an IDENTITY in the
// other), and sqlx refuses to start on a database whose applied migration's text has since
// changed (it checks a checksum), so the twins, whose comments name their dialect, cannot
// move into `shared/` without locking every existing database out. A new migration goes
// to `shared/` unless its SQL must differ.
static SHARED_MIGRATIONS: Migrator = sqlx::migrate!("migrations/shared");
static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// A list of migrations already read, as a source for [`Migrator::new`].
#[derive(Debug)]
struct Merged(Vec<Migration>);

impl<'s> MigrationSource<'s> for Merged {
    fn resolve(self) -> BoxFuture<'s, Result<Vec<Migration>, BoxDynError>> {
        Box::pin(async move { Ok(self.0) })
    }
}

/// The database behind a pool: embedded SQLite (the default) or a PostgreSQL server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The backend a database URL names: `sqlite:…` is SQLite, anything else PostgreSQL.
    pub fn of_url(url: &str) -> Self {
        if url.starts_with("sqlite:") {
            Self::Sqlite
        } else {
            Self::Postgres
        }
    }

    /// The backend of an open connection (of a transaction, say).
    pub(crate) fn of_connection(conn: &AnyConnection) -> Self {
        if conn.backend_name() == "PostgreSQL" {
            Self::Postgres
        } else {
            Self::Sqlite
        }
    }

    /// How many connections the pool holds. SQLite allows one writer at a time; a small
    /// pool avoids piling up on its lock. PostgreSQL: the projector may hold one
    /// connection per read model (eight) at once.
    pub(crate) fn max_connections(self) -> u32 {
        match self {
            Self::Sqlite => 4,
            Self::Postgres => 24,
        }
    }

    /// The schema migrations for this backend's SQL dialect: the shared ones and its
    /// own, in version order.
    pub(crate) async fn migrator(self) -> Result<Migrator, MigrateError> {
        let mut all: Vec<Migration> = self.migrations().cloned().collect();
        all.sort_by_key(|migration| migration.version);
        Migrator::new(Merged(all)).await
    }

    /// The version of the latest migration this build applies: the schema `/readyz`
    /// expects to find.
    pub(crate) fn latest_migration(self) -> i64 {
        self.migrations()
            .map(|migration| migration.version)
            .max()
            .unwrap_or(0)
    }

    /// The shared migrations and this dialect's own, in no particular order.
    fn migrations(self) -> impl Iterator<Item = &'static Migration> {
        let own = match self {
            Self::Sqlite => &SQLITE_MIGRATIONS,
            Self::Postgres => &POSTGRES_MIGRATIONS,
        };
        SHARED_MIGRATIONS.iter().chain(own.iter())
    }

    /// The statement that opens a write transaction. SQLite's starts `IMMEDIATE`: taking
    /// the write lock up front means a writer never has to upgrade a read lock, which
    /// fails under concurrent writers instead of waiting.
    pub(crate) fn begin_write(self) -> &'static str {
        match self {
            Self::Sqlite => "BEGIN IMMEDIATE",
            Self::Postgres => "BEGIN",
        }
    }

    /// The statement that opens a read-only transaction whose statements share one
    /// snapshot. PostgreSQL needs `REPEATABLE READ` (its default isolation gives each
    /// statement its own); SQLite's deferred transaction in WAL mode keeps the snapshot
    /// of its first read.
    pub(crate) fn begin_snapshot(self) -> &'static str {
        match self {
            Self::Sqlite => "BEGIN",
            Self::Postgres => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_scheme_names_the_backend() {
        assert_eq!(
            Backend::of_url("sqlite://data/pizzeria.db"),
            Backend::Sqlite
        );
        assert_eq!(Backend::of_url("sqlite::memory:"), Backend::Sqlite);
        assert_eq!(
            Backend::of_url("postgres://postgres@127.0.0.1/pizzeria"),
            Backend::Postgres
        );
    }

    #[tokio::test]
    async fn each_backend_runs_every_version_once_in_order() {
        for backend in [Backend::Sqlite, Backend::Postgres] {
            let migrator = backend.migrator().await.expect("the migrations resolve");
            let versions: Vec<i64> = migrator.iter().map(|m| m.version).collect();
            let expected: Vec<i64> = (1..=10).collect();
            assert_eq!(versions[..10], expected[..], "{backend:?}");
            assert!(
                versions.windows(2).all(|pair| pair[1] == pair[0] + 1),
                "{backend:?}: {versions:?}"
            );
        }
    }
}
