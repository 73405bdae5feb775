//! [`Backend`]: which database a pool talks to. Every place where SQLite and PostgreSQL
//! differ matches on it, so adding a backend is a compile error wherever it matters.

use sqlx::AnyConnection;
use sqlx::migrate::Migrator;

// Two folders of near twins, on purpose: the dialects differ where it matters (the
// event log's `position` in 0001 is AUTOINCREMENT in one, an IDENTITY in the other), and
// sqlx refuses to start on a database whose applied migration's text has since changed
// (it checks a checksum), so merging the twins into one folder now would lock every
// existing database out. A new migration both dialects read alike is written twice.
static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

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

    /// The schema migrations written for this backend's SQL dialect.
    pub(crate) fn migrator(self) -> &'static Migrator {
        match self {
            Self::Sqlite => &SQLITE_MIGRATIONS,
            Self::Postgres => &POSTGRES_MIGRATIONS,
        }
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
}
