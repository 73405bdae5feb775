//! Live-update latency: from placing an order to its update reaching clients of
//! `GET /api/stream/kitchen`, against the real server (in process, HTTP on 127.0.0.1) on
//! a fresh database.
//!
//! Each phase opens N event streams as a signed-in manager, then places orders at a
//! steady rate (open loop: orders leave on schedule, however slow the answers) as
//! anonymous customers, and notes when each client parsed each order's message:
//!
//! - **send → SSE**, the headline: from just before the `POST /api/orders` leaves to the
//!   client holding the message. It includes the POST itself (HTTP, the command, its
//!   commit), the projector's transaction, the broadcast and the SSE write and read.
//!   Target: p99 ≤ 100 ms.
//! - **201 → SSE**: from the client holding the 201 (the commit happened before it) to
//!   the message; 0 when the message came first.
//! - **at → SSE**: from the event's own `at`, stamped by the command's handler inside
//!   its transaction, to the message, by the wall clock.
//!
//! SQLite by default; PostgreSQL when `BENCH_DATABASE_URL` names a server. Phases are set
//! by `BENCH_SSE_CLIENTS` (streams per phase, default `1,10,50`), `BENCH_SSE_RATE`
//! (orders/s, default 50) and `BENCH_SSE_SECONDS` (per phase, default 20).
//!
//! Run with `cargo bench -p server --bench sse_latency`; figures in docs/BENCHMARKS.md.

#![forbid(unsafe_code)]

// Shared by the benches, each using part of it.
#[allow(dead_code)]
mod support {
    pub mod database;
    pub mod placing;
    pub mod rng;
    pub mod server;
    pub mod sse;
    pub mod stats;
}

use anyhow::Context as _;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::database::Backend;
use support::placing::{Customers, Placed, place};
use support::rng::Rng;
use support::server::Running;
use support::sse::{Arrival, SseClient};
use support::stats::{bench_main, env_list, ms, percentile, sorted};
use tokio::task::JoinSet;
use tokio::time::MissedTickBehavior;

/// How long the last order's message may take to reach every client.
const DRAIN: Duration = Duration::from_secs(30);

/// The server, seen by customers and by staff, and the placement rate.
struct Bench {
    /// Anonymous: places orders.
    customer: Running,
    /// Signed in as the manager: holds the streams.
    staff: Running,
    customers: Customers,
    rate: u64,
}

/// What one phase measured.
struct Phase {
    clients: usize,
    placed: Vec<Placed>,
    failures: usize,
    /// Per client, every update received, in order.
    arrivals: Vec<Vec<Arrival>>,
}

fn main() -> anyhow::Result<()> {
    bench_main("sse_latency", run())
}

async fn run() -> anyhow::Result<()> {
    let backend = Backend::from_env()?;
    let database = backend.fresh().await?;
    let customer = Running::start(&database.url).await?;
    let mut staff = Running {
        base: customer.base.clone(),
        client: reqwest::Client::new(),
    };
    staff.sign_in().await?;
    let customers = Customers::from_menu(&customer).await?;
    let bench = Arc::new(Bench {
        customer,
        staff,
        customers,
        rate: env_list("BENCH_SSE_RATE", &[50])?[0],
    });
    // Warm-up: connections, statement caches, the allocator. Not reported.
    phase(&bench, 1, Duration::from_secs(3)).await?;
    let length = Duration::from_secs(env_list("BENCH_SSE_SECONDS", &[20])?[0]);
    let mut phases = Vec::new();
    for clients in env_list("BENCH_SSE_CLIENTS", &[1, 10, 50])? {
        phases.push(phase(&bench, clients as usize, length).await?);
    }
    println!(
        "\nlive-update latency ({}), {} orders/s for {length:?} per phase\n",
        backend.label(),
        bench.rate,
    );
    report(&phases);
    database.remove(&backend).await
}

/// Opens `clients` kitchen streams, places orders at the bench's rate for `length`, and
/// waits until every client has the last order's message.
async fn phase(bench: &Arc<Bench>, clients: usize, length: Duration) -> anyhow::Result<Phase> {
    let mut streams = JoinSet::new();
    let mut received = Vec::new();
    for _ in 0..clients {
        let mut stream = SseClient::open(&bench.staff, "/api/stream/kitchen").await?;
        let arrivals = Arc::new(Mutex::new(Vec::new()));
        received.push(arrivals.clone());
        streams.spawn(async move {
            while let Ok(Some(arrival)) = stream.next().await {
                arrivals.lock().expect("not poisoned").push(arrival);
            }
        });
    }
    let (placed, failures) = place_at_rate(bench, length).await;
    let last = placed
        .iter()
        .map(|p| p.position)
        .max()
        .context("no order placed")?;
    let started = Instant::now();
    let all_in = |arrivals: &Arc<Mutex<Vec<Arrival>>>| {
        let arrivals = arrivals.lock().expect("not poisoned");
        arrivals.last().is_some_and(|a| a.position >= last)
    };
    while !received.iter().all(all_in) {
        anyhow::ensure!(
            started.elapsed() < DRAIN,
            "the last order's message did not reach every client within {DRAIN:?}"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    streams.abort_all();
    let arrivals = received
        .iter()
        .map(|arrivals| std::mem::take(&mut *arrivals.lock().expect("not poisoned")))
        .collect();
    Ok(Phase {
        clients,
        placed,
        failures,
        arrivals,
    })
}

/// Places orders at the bench's rate for `length`; returns them and the failures.
async fn place_at_rate(bench: &Arc<Bench>, length: Duration) -> (Vec<Placed>, usize) {
    let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / bench.rate as f64));
    tick.set_missed_tick_behavior(MissedTickBehavior::Burst);
    let mut rng = Rng::new(bench.rate);
    let mut tasks = JoinSet::new();
    let started = Instant::now();
    while started.elapsed() < length {
        tick.tick().await;
        let order = bench.customers.order(&mut rng);
        let bench = bench.clone();
        tasks.spawn(async move { place(&bench.customer, &order).await.ok().flatten() });
    }
    let (mut placed, mut failures) = (Vec::new(), 0);
    while let Some(done) = tasks.join_next().await {
        match done.ok().flatten() {
            Some(order) => placed.push(order),
            None => failures += 1,
        }
    }
    (placed, failures)
}

/// The three latencies of one (order, client) pair.
struct Latency {
    from_send: Duration,
    from_answer: Duration,
    from_stamp: Duration,
}

/// Prints one Markdown table row per phase.
fn report(phases: &[Phase]) {
    println!(
        "| clients | orders | messages | missing | out of order | send → SSE p50 | p95 | p99 \
         | max | 201 → SSE p50 | p99 | at → SSE p50 | p99 |"
    );
    println!(
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    );
    for phase in phases {
        let (latencies, missing, disordered) = latencies(phase);
        let from_send = sorted(latencies.iter().map(|l| l.from_send));
        let from_answer = sorted(latencies.iter().map(|l| l.from_answer));
        let from_stamp = sorted(latencies.iter().map(|l| l.from_stamp));
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            phase.clients,
            phase.placed.len(),
            latencies.len(),
            missing + phase.failures * phase.clients,
            disordered,
            ms(percentile(&from_send, 0.50)),
            ms(percentile(&from_send, 0.95)),
            ms(percentile(&from_send, 0.99)),
            ms(from_send.last().copied()),
            ms(percentile(&from_answer, 0.50)),
            ms(percentile(&from_answer, 0.99)),
            ms(percentile(&from_stamp, 0.50)),
            ms(percentile(&from_stamp, 0.99)),
        );
    }
}

/// Every (order, client) pair's latencies, how many pairs never arrived, and how many
/// messages did not follow their predecessor's position (duplicates or disorder).
fn latencies(phase: &Phase) -> (Vec<Latency>, usize, usize) {
    let mut latencies = Vec::new();
    let (mut missing, mut disordered) = (0, 0);
    for arrivals in &phase.arrivals {
        disordered += arrivals
            .windows(2)
            .filter(|pair| pair[1].position <= pair[0].position)
            .count();
        for placed in &phase.placed {
            let Ok(index) = arrivals.binary_search_by_key(&placed.position, |a| a.position) else {
                missing += 1;
                continue;
            };
            let arrival = &arrivals[index];
            let from_stamp = (arrival.received_utc - arrival.at)
                .to_std()
                .unwrap_or_default();
            latencies.push(Latency {
                from_send: arrival.received.saturating_duration_since(placed.sent),
                from_answer: arrival.received.saturating_duration_since(placed.answered),
                from_stamp,
            });
        }
    }
    (latencies, missing, disordered)
}
