//! Where a bench's data lives: SQLite files by default, or databases on the PostgreSQL
//! server that `BENCH_DATABASE_URL` names (`postgres://postgres@127.0.0.1:5432/postgres`;
//! the role needs `CREATEDB`).

use anyhow::Context as _;
use sqlx::postgres::PgConnectOptions;
use sqlx::{ConnectOptions, Connection, Executor, PgConnection};
use std::path::PathBuf;
use std::str::FromStr;
use tempfile::TempDir;

/// The database server the benches run against.
pub enum Backend {
    Sqlite,
    Postgres(Box<PgConnectOptions>),
}

impl Backend {
    /// PostgreSQL when `BENCH_DATABASE_URL` is set, SQLite otherwise.
    pub fn from_env() -> anyhow::Result<Self> {
        match std::env::var("BENCH_DATABASE_URL") {
            Ok(url) if !url.is_empty() => Ok(Self::Postgres(Box::new(
                PgConnectOptions::from_str(&url).context("BENCH_DATABASE_URL is not a URL")?,
            ))),
            _ => Ok(Self::Sqlite),
        }
    }

    /// `sqlite` or `postgres`, for bench names and tables.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Sqlite => "sqlite",
            Self::Postgres(_) => "postgres",
        }
    }

    /// A new, empty database that nothing else uses; the server migrates it.
    pub async fn fresh(&self) -> anyhow::Result<Fresh> {
        match self {
            Self::Sqlite => {
                // Under target/, not /tmp: the same disk as the cached histories.
                std::fs::create_dir_all(data_dir())?;
                let dir = tempfile::tempdir_in(data_dir()).context("a temporary folder")?;
                let url = format!("sqlite://{}/bench.db", dir.path().display());
                Ok(Fresh {
                    url,
                    _dir: Some(dir),
                    postgres: None,
                })
            }
            Self::Postgres(server) => {
                let name = format!("bench_{}", uuid::Uuid::new_v4().simple());
                self.admin(&format!(r#"CREATE DATABASE "{name}""#)).await?;
                Ok(Fresh {
                    url: server.clone().database(&name).to_url_lossy().to_string(),
                    _dir: None,
                    postgres: Some(name),
                })
            }
        }
    }

    /// Runs `sql` on the PostgreSQL server's own database (for `CREATE DATABASE` and the
    /// like, which cannot run inside the database they change).
    pub async fn admin(&self, sql: &str) -> anyhow::Result<()> {
        let Self::Postgres(server) = self else {
            anyhow::bail!("not a PostgreSQL server");
        };
        let mut admin = PgConnection::connect_with(server)
            .await
            .context("connecting to BENCH_DATABASE_URL")?;
        admin.execute(sql).await.with_context(|| sql.to_owned())?;
        admin.close().await?;
        Ok(())
    }
}

/// Where SQLite files of the benches go: `target/bench-data/`.
pub fn data_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../target/bench-data"))
}

/// A fresh database and what to clean up after it.
pub struct Fresh {
    pub url: String,
    /// Deleted with the SQLite file on drop.
    _dir: Option<TempDir>,
    postgres: Option<String>,
}

impl Fresh {
    /// Drops the PostgreSQL database (an SQLite folder goes when `self` is dropped).
    pub async fn remove(self, backend: &Backend) -> anyhow::Result<()> {
        if let Some(name) = &self.postgres {
            backend
                .admin(&format!(r#"DROP DATABASE "{name}" WITH (FORCE)"#))
                .await?;
        }
        Ok(())
    }
}
