//! Summaries of measured durations, and bench settings from the environment.

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
