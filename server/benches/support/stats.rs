//! Summaries of measured durations, bench settings from the environment, and the load
//! benches' `main`.

use anyhow::Context as _;
use std::time::Duration;

pub fn sorted(durations: impl Iterator<Item = Duration>) -> Vec<Duration> {
    let mut durations: Vec<Duration> = durations.collect();
    durations.sort();
    durations
}

/// Nearest-rank percentile of sorted values; `None` without values.
pub fn percentile(sorted: &[Duration], quantile: f64) -> Option<Duration> {
    let rank = (quantile * sorted.len() as f64).ceil() as usize;
    sorted.get(rank.clamp(1, sorted.len().max(1)) - 1).copied()
}

pub fn ms(duration: Option<Duration>) -> String {
    duration.map_or_else(
        || "–".to_owned(),
        |d| format!("{:.1} ms", d.as_secs_f64() * 1e3),
    )
}

/// A comma-separated list of numbers from the environment, or `default`.
pub fn env_list(name: &str, default: &[u64]) -> anyhow::Result<Vec<u64>> {
    match std::env::var(name) {
        Ok(list) if !list.is_empty() => list
            .split(',')
            .map(|n| n.trim().parse().with_context(|| format!("{name}: {n:?}")))
            .collect(),
        _ => Ok(default.to_vec()),
    }
}

/// The `main` of a load bench: runs `run` on a Tokio runtime when cargo runs benches
/// (`--bench`), and only says how to run it otherwise (`cargo test` runs bench targets
/// too). The server's own log comes on request (`RUST_LOG=warn`): silent by default, as
/// its logging would cost the figures.
pub fn bench_main(
    name: &str,
    run: impl std::future::Future<Output = anyhow::Result<()>>,
) -> anyhow::Result<()> {
    if !std::env::args().any(|arg| arg == "--bench") {
        println!("{name}: run it with `cargo bench -p server --bench {name}`");
        return Ok(());
    }
    if std::env::var_os("RUST_LOG").is_some() {
        tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
            .init();
    }
    tokio::runtime::Runtime::new()?.block_on(run)
}
