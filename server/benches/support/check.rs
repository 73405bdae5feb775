//! The loader's proof: a small history loaded directly must leave exactly the read
//! models that `server rebuild-projections` computes from its events. Also times that
//! rebuild, which is what loading through the projector would cost.

use super::database::Backend;
use super::load::load;
use super::schema::TABLES;
use super::server::config;
use anyhow::Context as _;
use server::Application;
use sqlx::{AnyConnection, Connection};
use std::time::Instant;

/// Orders in the history checked: a few thousand events, a few seconds of rebuild.
const CHECK_ORDERS: usize = 2_000;

type Contents = Vec<(&'static str, Vec<Vec<Option<String>>>)>;

/// Loads a small history, rebuilds its read models from its events, and fails naming
/// the first table whose rows differ.
pub async fn check_loader(backend: &Backend) -> anyhow::Result<()> {
    let fresh = backend.fresh().await?;
    let loaded = load(&fresh.url, CHECK_ORDERS).await?;
    let direct = read_models(&fresh.url).await?;
    let started = Instant::now();
    Application::rebuild_projections(&config(&fresh.url)).await?;
    let rebuild = started.elapsed();
    let replayed = read_models(&fresh.url).await?;
    for ((table, loaded_rows), (_, rebuilt_rows)) in direct.iter().zip(&replayed) {
        if loaded_rows != rebuilt_rows {
            let missing = rebuilt_rows.iter().find(|row| !loaded_rows.contains(row));
            let extra = loaded_rows.iter().find(|row| !rebuilt_rows.contains(row));
            anyhow::bail!(
                "the loader and the projector disagree on {table}: {} rows loaded, {} rebuilt; \
                 first rebuilt row not loaded: {missing:?}; first loaded row not rebuilt: {extra:?}",
                loaded_rows.len(),
                rebuilt_rows.len()
            );
        }
    }
    let rows: usize = direct.iter().map(|(_, rows)| rows.len()).sum();
    println!(
        "loader check ({}): {CHECK_ORDERS} orders, {} events; rebuild-projections replayed them \
         in {:.1} s ({:.0} events/s) into the same {rows} read-model rows",
        backend.label(),
        loaded.events,
        rebuild.as_secs_f64(),
        loaded.events as f64 / rebuild.as_secs_f64()
    );
    fresh.remove(backend).await
}

/// Every read-model table's rows, as text, sorted.
async fn read_models(url: &str) -> anyhow::Result<Contents> {
    sqlx::any::install_default_drivers();
    let mut db = AnyConnection::connect(url).await?;
    let mut contents = Vec::new();
    for table in TABLES.iter().filter(|table| table.read_model) {
        let columns: Vec<String> = table
            .columns
            .iter()
            .map(|column| format!("CAST({column} AS TEXT)"))
            .collect();
        let sql = format!("SELECT {} FROM {}", columns.join(", "), table.name);
        let mut rows: Vec<Vec<Option<String>>> = Vec::new();
        for row in sqlx::query(&sql).fetch_all(&mut db).await.context(sql)? {
            use sqlx::Row as _;
            let cells = (0..table.columns.len())
                .map(|index| row.try_get::<Option<String>, _>(index))
                .collect::<Result<_, _>>()?;
            rows.push(cells);
        }
        rows.sort();
        contents.push((table.name, rows));
    }
    db.close().await?;
    Ok(contents)
}
