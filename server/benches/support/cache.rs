//! Histories kept between runs: loading a million orders takes minutes, opening them
//! again seconds. SQLite keeps `target/bench-data/<name>.db`, PostgreSQL a database
//! `<name>`. A load writes under a temporary name and is renamed once complete, so a
//! name that exists always holds a whole history.

use super::database::{Backend, data_dir};
use super::load::load;
use anyhow::Context as _;
use sqlx::{Connection, PgConnection};

/// Bumped whenever the generated history changes, so older copies are not reused.
const HISTORY_VERSION: u32 = 2;

/// The URL of a database holding a history of `orders` orders: kept from an earlier run
/// or loaded now.
pub async fn history_database(backend: &Backend, orders: usize) -> anyhow::Result<String> {
    let name = format!("pizzeria_bench_{orders}_v{HISTORY_VERSION}");
    if exists(backend, &name).await? {
        println!("history of {orders} orders: reusing {name}");
        return Ok(url(backend, &name));
    }
    let staging = format!("{name}_loading");
    remove(backend, &staging).await?;
    if let Backend::Postgres(_) = backend {
        backend
            .admin(&format!(r#"CREATE DATABASE "{staging}""#))
            .await?;
    }
    let loaded = load(&url(backend, &staging), orders)
        .await
        .with_context(|| format!("loading {orders} orders"))?;
    println!(
        "history of {orders} orders: loaded {} events, {} rows in {:.1} s",
        loaded.events,
        loaded.rows,
        loaded.elapsed.as_secs_f64()
    );
    rename(backend, &staging, &name).await?;
    Ok(url(backend, &name))
}

fn url(backend: &Backend, name: &str) -> String {
    match backend {
        Backend::Sqlite => format!("sqlite://{}/{name}.db", data_dir().display()),
        Backend::Postgres(server) => {
            use sqlx::ConnectOptions as _;
            server.clone().database(name).to_url_lossy().to_string()
        }
    }
}

async fn exists(backend: &Backend, name: &str) -> anyhow::Result<bool> {
    match backend {
        Backend::Sqlite => Ok(data_dir().join(format!("{name}.db")).is_file()),
        Backend::Postgres(server) => {
            let mut admin = PgConnection::connect_with(server).await?;
            let (found,): (bool,) =
                sqlx::query_as("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
                    .bind(name)
                    .fetch_one(&mut admin)
                    .await?;
            admin.close().await?;
            Ok(found)
        }
    }
}

/// Deletes what an interrupted load left behind.
async fn remove(backend: &Backend, name: &str) -> anyhow::Result<()> {
    match backend {
        Backend::Sqlite => {
            std::fs::create_dir_all(data_dir())?;
            for suffix in [".db", ".db-wal", ".db-shm", ".db-journal"] {
                let path = data_dir().join(format!("{name}{suffix}"));
                if path.exists() {
                    std::fs::remove_file(&path)
                        .with_context(|| format!("removing {}", path.display()))?;
                }
            }
            Ok(())
        }
        Backend::Postgres(_) => {
            let sql = format!(r#"DROP DATABASE IF EXISTS "{name}" WITH (FORCE)"#);
            backend.admin(&sql).await
        }
    }
}

async fn rename(backend: &Backend, from: &str, to: &str) -> anyhow::Result<()> {
    match backend {
        Backend::Sqlite => {
            // The loader closed its connection with the journal off: the file is whole.
            let path = |name: &str| data_dir().join(format!("{name}.db"));
            std::fs::rename(path(from), path(to)).context("renaming the loaded history")
        }
        Backend::Postgres(_) => {
            // The server's seeding pool may not have hung up yet.
            let sql = format!(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                 WHERE datname = '{from}' AND pid <> pg_backend_pid()"
            );
            backend.admin(&sql).await?;
            let sql = format!(r#"ALTER DATABASE "{from}" RENAME TO "{to}""#);
            backend.admin(&sql).await
        }
    }
}
