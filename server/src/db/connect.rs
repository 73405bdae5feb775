//! Opens the pool, applies the backend's migrations and seeds the menu.

use crate::db::Backend;
use crate::inventory::seed_stock;
use crate::menu::seed_menu;
use anyhow::Context as _;
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Executor};
use std::path::Path;
use std::time::Duration;

/// The page cache of each pooled SQLite connection (the readers), in KiB. SQLite's
/// default (2,000 KiB) filled as the database grew: server memory rose by ~2 MB a minute
/// for the first minutes of a soak (`scripts/soak`), until each of the five connections
/// held its 2 MB. Reads hit the OS's page cache on a miss; the writer keeps a larger one
/// (`db::group_commit::WRITER_CACHE_KIB`).
pub(crate) const READER_CACHE_KIB: u32 = 512;

/// Connects to `url`, creating an SQLite file (and its folder) when missing, then
/// migrates and seeds. Fails with a message naming what went wrong.
///
/// A connection not had within `acquire_timeout` (database down, every connection busy)
/// fails with `PoolTimedOut`, which a request answers as 503: it never hangs.
pub(crate) async fn connect(url: &str, acquire_timeout: Duration) -> anyhow::Result<AnyPool> {
    install_default_drivers();
    let backend = Backend::of_url(url);
    let url = match backend {
        Backend::Sqlite => prepare_sqlite(url)?,
        Backend::Postgres => url.to_owned(),
    };
    let pool = AnyPoolOptions::new()
        .max_connections(backend.max_connections())
        .acquire_timeout(acquire_timeout)
        .after_connect(move |conn, _meta| {
            Box::pin(async move {
                if backend == Backend::Sqlite {
                    // WAL lets readers run while an order is written; the busy timeout makes
                    // a second writer wait instead of failing. No automatic checkpoints:
                    // they would run inside a writer's COMMIT, on the request path;
                    // `checkpoint_wal` runs them in the background instead. A reader's
                    // page cache is kept small (`READER_CACHE_KIB`); the writer's is larger.
                    conn.execute(
                        format!(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                             PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; \
                             PRAGMA wal_autocheckpoint = 0; PRAGMA cache_size = -{READER_CACHE_KIB};"
                        )
                        .as_str(),
                    )
                    .await?;
                }
                Ok(())
            })
        })
        .connect(&url)
        .await
        .with_context(|| format!("connecting to the database at {}", redact(&url)))?;
    backend
        .migrator()
        .await
        .context("reading the database migrations")?
        .run(&pool)
        .await
        .context("applying database migrations")?;
    seed_menu(&pool).await.context("seeding the menu")?;
    seed_stock(&pool).await.context("seeding the stock")?;
    Ok(pool)
}

/// Makes sure the SQLite file can be created: its folder exists and `mode=rwc` is set.
fn prepare_sqlite(url: &str) -> anyhow::Result<String> {
    let path = url.trim_start_matches("sqlite:").trim_start_matches("//");
    let path = path.split('?').next().unwrap_or_default();
    if !path.is_empty()
        && !path.starts_with(':')
        && let Some(parent) = Path::new(path).parent()
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating the database folder {}", parent.display()))?;
    }
    Ok(if url.contains("mode=") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    })
}

/// Hides a password in a database URL before it is logged.
pub(crate) fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            format!("{}://***{}", &url[..scheme], &url[at..])
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_get_create_mode() {
        assert_eq!(
            prepare_sqlite("sqlite::memory:").unwrap(),
            "sqlite::memory:?mode=rwc"
        );
        let dir = std::env::temp_dir().join("pizzeria-connect-test");
        let url = format!("sqlite://{}/x.db", dir.display());
        assert_eq!(prepare_sqlite(&url).unwrap(), format!("{url}?mode=rwc"));
        assert!(dir.is_dir());
    }

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(
            redact("postgres://me:secret@db/pizza"),
            "postgres://***@db/pizza"
        );
    }
}
