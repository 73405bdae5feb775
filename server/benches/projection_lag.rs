//! Projection lag and order placement throughput, against the real server (in process,
//! HTTP on 127.0.0.1) on a fresh database:
//!
//! - **Sustained placement** at a fixed rate (open loop: orders arrive on schedule, however
//!   slow the answers), each followed, as the confirmation page does, by
//!   `GET /api/orders/{id}?min_position=` (read your own write). Lag is the time from the
//!   client holding the 201 to the read models including the order (seen through the
//!   projector's checkpoint, `support/checkpoint.rs`); 0 when they already did. Target:
//!   p99 ≤ 50 ms.
//! - **Saturation**: N clients placing orders back to back (closed loop), orders per
//!   second; lag is reported too.
//!
//! SQLite by default; PostgreSQL when `BENCH_DATABASE_URL` names a server. Phases are
//! set by `BENCH_RATES` (orders/s, default `100,200,500`), `BENCH_SECONDS` (per rate, 20),
//! `BENCH_CLIENTS` (default `8,32`) and `BENCH_SATURATION_SECONDS` (per client count, 10).
//!
//! Run with `cargo bench -p server --bench projection_lag`; figures in
//! docs/BENCHMARKS.md.

#![forbid(unsafe_code)]

// Shared by both benches, each using part of it.
#[allow(dead_code)]
mod support {
    pub mod checkpoint;
    pub mod database;
    pub mod placing;
    pub mod rng;
    pub mod server;
    pub mod stats;
}

use std::sync::Arc;
use std::time::{Duration, Instant};
use support::checkpoint::{CheckpointWatch, POLL};
use support::database::Backend;
use support::placing::{Customers, Placed, place};
use support::rng::Rng;
use support::server::Running;
use support::stats::{bench_main, env_list, ms, percentile, sorted};
use tokio::task::JoinSet;
use tokio::time::MissedTickBehavior;

/// The server under test and what clients order from it.
struct Bench {
    server: Running,
    customers: Customers,
}

/// What one phase measured.
struct Phase {
    name: String,
    elapsed: Duration,
    placed: Vec<Placed>,
    /// 201 in hand → `GET ?min_position=` answered 200.
    reads: Vec<Duration>,
    failures: usize,
}

fn main() -> anyhow::Result<()> {
    bench_main("projection_lag", run())
}

async fn run() -> anyhow::Result<()> {
    let backend = Backend::from_env()?;
    let database = backend.fresh().await?;
    let server = Running::start(&database.url).await?;
    let customers = Customers::from_menu(&server).await?;
    let bench = Arc::new(Bench { server, customers });
    let watch = CheckpointWatch::start(&database.url).await?;
    // Warm-up: connections, statement caches, the allocator. Not reported, but waited
    // for: its backlog must not count against the first phase.
    let warm_up = saturate(&bench, 4, Duration::from_secs(3)).await;
    settle(&watch, std::slice::from_ref(&warm_up)).await?;
    let mut phases = Vec::new();
    let seconds = Duration::from_secs(env_list("BENCH_SECONDS", &[20])?[0]);
    for rate in env_list("BENCH_RATES", &[100, 200, 500])? {
        phases.push(at_rate(&bench, rate, seconds).await);
        settle(&watch, &phases).await?;
    }
    let seconds = Duration::from_secs(env_list("BENCH_SATURATION_SECONDS", &[10])?[0]);
    for clients in env_list("BENCH_CLIENTS", &[8, 32])? {
        phases.push(saturate(&bench, clients as usize, seconds).await);
        settle(&watch, &phases).await?;
    }
    println!(
        "\nprojection lag and placement ({}), checkpoint read every {POLL:?}\n",
        backend.label()
    );
    report(&phases, &watch);
    drop(watch);
    database.remove(&backend).await
}

/// Orders arrive `rate` times a second for `length`, each placed and then read back.
async fn at_rate(bench: &Arc<Bench>, rate: u64, length: Duration) -> Phase {
    let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / rate as f64));
    tick.set_missed_tick_behavior(MissedTickBehavior::Burst);
    let mut rng = Rng::new(rate);
    let mut tasks = JoinSet::new();
    let started = Instant::now();
    while started.elapsed() < length {
        tick.tick().await;
        let order = bench.customers.order(&mut rng);
        let bench = bench.clone();
        tasks.spawn(async move {
            let placed = place(&bench.server, &order).await.ok().flatten()?;
            let path = format!(
                "/api/orders/{}?min_position={}",
                placed.order_id, placed.position
            );
            let read = bench
                .server
                .get(&path)
                .await
                .ok()
                .map(|_| placed.answered.elapsed());
            Some((placed, read))
        });
    }
    let mut phase = Phase::new(format!("{rate} orders/s for {length:?}"), started.elapsed());
    while let Some(done) = tasks.join_next().await {
        match done.ok().flatten() {
            Some((placed, read)) => {
                phase.placed.push(placed);
                phase.failures += usize::from(read.is_none());
                phase.reads.extend(read);
            }
            None => phase.failures += 1,
        }
    }
    phase
}

/// `clients` clients place orders back to back for `length`.
async fn saturate(bench: &Arc<Bench>, clients: usize, length: Duration) -> Phase {
    let started = Instant::now();
    let mut tasks = JoinSet::new();
    for client in 0..clients {
        let bench = bench.clone();
        tasks.spawn(async move {
            let mut rng = Rng::new(1_000 + client as u64);
            let (mut placed, mut failures) = (Vec::new(), 0);
            while started.elapsed() < length {
                match place(&bench.server, &bench.customers.order(&mut rng)).await {
                    Ok(Some(order)) => placed.push(order),
                    _ => failures += 1,
                }
            }
            (placed, failures)
        });
    }
    let mut phase = Phase::new(format!("{clients} clients, saturated"), Duration::ZERO);
    while let Some(done) = tasks.join_next().await {
        let (placed, failures) = done.unwrap_or_default();
        phase.placed.extend(placed);
        phase.failures += failures;
    }
    phase.elapsed = started.elapsed();
    phase
}

/// Waits until the read models include the last phase's orders.
async fn settle(watch: &CheckpointWatch, phases: &[Phase]) -> anyhow::Result<()> {
    let last = phases
        .last()
        .and_then(|phase| phase.placed.iter().map(|p| p.position).max());
    if let Some(position) = last {
        let caught_up = watch.wait_for(position, Duration::from_secs(60)).await;
        anyhow::ensure!(
            caught_up,
            "the projector did not reach {position} within 60 s"
        );
    }
    Ok(())
}

impl Phase {
    fn new(name: String, elapsed: Duration) -> Self {
        Self {
            name,
            elapsed,
            placed: Vec::new(),
            reads: Vec::new(),
            failures: 0,
        }
    }
}

/// Prints one Markdown table row per phase.
fn report(phases: &[Phase], watch: &CheckpointWatch) {
    println!(
        "| phase | placed | orders/s | projected/s | failed | POST p50 | POST p99 | lag p50 \
         | lag p95 | lag p99 | lag max | read-own-write p50 | p99 |"
    );
    println!(
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    );
    for phase in phases {
        let posts = sorted(phase.placed.iter().map(|p| p.answered - p.sent));
        let lags = sorted(phase.placed.iter().map(|p| {
            let visible = watch.visible_at(p.position).expect("settled");
            visible.saturating_duration_since(p.answered)
        }));
        let reads = sorted(phase.reads.iter().copied());
        println!(
            "| {} | {} | {:.0} | {:.0} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            phase.name,
            phase.placed.len(),
            phase.placed.len() as f64 / phase.elapsed.as_secs_f64(),
            projected_per_second(phase, watch),
            phase.failures,
            ms(percentile(&posts, 0.50)),
            ms(percentile(&posts, 0.99)),
            ms(percentile(&lags, 0.50)),
            ms(percentile(&lags, 0.95)),
            ms(percentile(&lags, 0.99)),
            ms(lags.last().copied()),
            ms(percentile(&reads, 0.50)),
            ms(percentile(&reads, 0.99)),
        );
    }
}

/// How fast the phase's orders reached the read models, from the first one's
/// appearance to the last one's: the placement rate while the projector keeps up, its
/// own limit once a backlog builds.
fn projected_per_second(phase: &Phase, watch: &CheckpointWatch) -> f64 {
    let positions = || phase.placed.iter().map(|p| p.position);
    let (Some(first), Some(last)) = (positions().min(), positions().max()) else {
        return 0.0;
    };
    let visible = |position| watch.visible_at(position).expect("settled");
    let span = visible(last) - visible(first);
    (phase.placed.len() - 1) as f64 / span.as_secs_f64()
}
