//! Read-model latency as the store grows: `GET /api/customers/{phone}/history` and
//! `GET /api/kitchen/queue` against the real server (in process, HTTP on 127.0.0.1), with
//! 10 000 and with 1 000 000 orders in the store. Target: the 1M figure within 1.5× the
//! 10k figure.
//!
//! Histories are bulk-loaded (`support/load.rs`), checked against `server
//! rebuild-projections` on a small one first (`support/check.rs`), and kept between runs
//! (`support/cache.rs`). SQLite by default; PostgreSQL when `BENCH_DATABASE_URL` names a
//! server. `BENCH_SIZES=10000,1000000` changes the sizes.
//!
//! Run with `cargo bench -p server --bench read_models`; figures in docs/BENCHMARKS.md.

#![forbid(unsafe_code)]

// Shared by both benches, each using part of it.
#[allow(dead_code)]
mod support {
    pub mod cache;
    pub mod check;
    pub mod database;
    pub mod history;
    pub mod load;
    pub mod order_rows;
    pub mod orders;
    pub mod rng;
    pub mod schema;
    pub mod server;
    pub mod totals;
}

use anyhow::Context as _;
use app::contracts::phone_key;
use criterion::{BenchmarkId, Criterion};
use serde_json::Value;
use std::time::{Duration, Instant};
use support::cache::history_database;
use support::check::check_loader;
use support::database::Backend;
use support::orders::{HISTORY_CUSTOMERS, HISTORY_ORDERS, KITCHEN_QUEUE, phone};
use support::server::Running;
use tokio::runtime::Runtime;

const DEFAULT_SIZES: [usize; 2] = [10_000, 1_000_000];
/// Requests per store and query in the interleaved comparison.
const INTERLEAVED_ROUNDS: usize = 5_000;

/// One store size and the server reading it.
struct Store {
    size: usize,
    server: Running,
}

fn main() -> anyhow::Result<()> {
    // `cargo test --benches` runs this without `--bench`: loading a million orders
    // is no test.
    if !std::env::args().any(|arg| arg == "--bench") {
        println!("read_models: run it with `cargo bench -p server --bench read_models`");
        return Ok(());
    }
    let runtime = Runtime::new()?;
    let backend = Backend::from_env()?;
    runtime.block_on(check_loader(&backend))?;
    let mut stores = Vec::new();
    for size in sizes()? {
        let server = runtime.block_on(async {
            let url = history_database(&backend, size).await?;
            let mut server = Running::start(&url).await?;
            // Histories and the kitchen queue are for staff.
            server.sign_in().await?;
            anyhow::Ok(server)
        })?;
        runtime.block_on(check_store(&server))?;
        stores.push(Store { size, server });
    }
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();
    let history: Vec<String> = (0..HISTORY_CUSTOMERS)
        .map(|customer| format!("/api/customers/{}/history", phone_key(&phone(customer))))
        .collect();
    let queue = vec!["/api/kitchen/queue".to_owned()];
    for (name, paths) in [("customer_history", &history), ("kitchen_queue", &queue)] {
        let mut group = criterion.benchmark_group(format!("{}/{name}", backend.label()));
        for store in &stores {
            let id = BenchmarkId::from_parameter(size_label(store.size));
            group.bench_function(id, |bench| {
                bench.iter_custom(|iters| {
                    runtime.block_on(get_in_turn(&store.server, paths, iters))
                });
            });
        }
        group.finish();
    }
    criterion.final_summary();
    if stores.len() > 1 {
        let queries = [("customer_history", &history), ("kitchen_queue", &queue)];
        runtime.block_on(compare_interleaved(&backend, &stores, &queries))?;
    }
    Ok(())
}

/// The sizes side by side, immune to the machine's load drifting between criterion's
/// runs: rounds of one request to each store in turn (the order alternating), then the
/// median and p99 of each store's latencies and their ratio to the first store's.
async fn compare_interleaved(
    backend: &Backend,
    stores: &[Store],
    queries: &[(&str, &Vec<String>)],
) -> anyhow::Result<()> {
    println!(
        "\ninterleaved ({}), {INTERLEAVED_ROUNDS} requests per store and query\n",
        backend.label()
    );
    println!(
        "| query | store | p50 | p99 | p50 vs {} |",
        size_label(stores[0].size)
    );
    println!("| --- | --- | ---: | ---: | ---: |");
    for (name, paths) in queries {
        let mut latencies = vec![Vec::new(); stores.len()];
        for round in 0..INTERLEAVED_ROUNDS {
            let path = &paths[round % paths.len()];
            for turn in 0..stores.len() {
                let index = if round % 2 == 0 {
                    turn
                } else {
                    stores.len() - 1 - turn
                };
                let started = Instant::now();
                stores[index].server.get(path).await?;
                latencies[index].push(started.elapsed());
            }
        }
        let mut first_median = None;
        for (store, mut times) in stores.iter().zip(latencies) {
            times.sort();
            let (median, p99) = (times[times.len() / 2], times[times.len() * 99 / 100]);
            let base = *first_median.get_or_insert(median);
            println!(
                "| {name} | {} | {:.0} µs | {:.0} µs | {:.2}× |",
                size_label(store.size),
                median.as_secs_f64() * 1e6,
                p99.as_secs_f64() * 1e6,
                median.as_secs_f64() / base.as_secs_f64()
            );
        }
    }
    Ok(())
}

/// Sends `iters` GETs one after the other, cycling through `paths`; the total time.
async fn get_in_turn(server: &Running, paths: &[String], iters: u64) -> Duration {
    let started = Instant::now();
    for (_, path) in (0..iters).zip(paths.iter().cycle()) {
        server.get(path).await.expect("the read answers 200");
    }
    started.elapsed()
}

/// The store answers what the benches expect: full history pages, a kitchen queue of
/// the same length whatever the store's size.
async fn check_store(server: &Running) -> anyhow::Result<()> {
    for customer in 0..HISTORY_CUSTOMERS {
        let path = format!("/api/customers/{}/history", phone_key(&phone(customer)));
        let history: Value = server.get_json(&path).await?;
        let listed = history["orders"]["items"].as_array().map_or(0, Vec::len);
        anyhow::ensure!(
            listed == HISTORY_ORDERS && history["orders"]["total"] == HISTORY_ORDERS,
            "{path} lists {listed} orders: {history}"
        );
    }
    let queue: Value = server.get_json("/api/kitchen/queue").await?;
    let tickets = queue.as_array().map_or(0, Vec::len);
    anyhow::ensure!(
        tickets == KITCHEN_QUEUE,
        "the kitchen queue holds {tickets} tickets"
    );
    Ok(())
}

/// `BENCH_SIZES` (comma-separated order counts), or 10k and 1M.
fn sizes() -> anyhow::Result<Vec<usize>> {
    match std::env::var("BENCH_SIZES") {
        Ok(sizes) if !sizes.is_empty() => sizes
            .split(',')
            .map(|size| {
                size.trim()
                    .parse()
                    .with_context(|| format!("BENCH_SIZES: {size:?}"))
            })
            .collect(),
        _ => Ok(DEFAULT_SIZES.to_vec()),
    }
}

/// `10k`, `1M`, or the number.
fn size_label(size: usize) -> String {
    match size {
        s if s % 1_000_000 == 0 => format!("{}M", s / 1_000_000),
        s if s % 1_000 == 0 => format!("{}k", s / 1_000),
        s => s.to_string(),
    }
}
