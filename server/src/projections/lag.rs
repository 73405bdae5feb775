//! How far the read models trail the writes: for every applied event, the time from the
//! moment it happened (its `recorded_at`, set by the command) to the commit of the
//! projector batch that applied it. Rendered on `/metrics` as the Prometheus histogram
//! `projection_lag_seconds`; `scripts/load` reads it to report the lag's p99.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Upper bounds of the buckets, in microseconds and as rendered (seconds).
const BUCKETS: [(u64, &str); 14] = [
    (1_000, "0.001"),
    (2_500, "0.0025"),
    (5_000, "0.005"),
    (10_000, "0.01"),
    (20_000, "0.02"),
    (50_000, "0.05"),
    (100_000, "0.1"),
    (250_000, "0.25"),
    (500_000, "0.5"),
    (1_000_000, "1"),
    (2_500_000, "2.5"),
    (5_000_000, "5"),
    (10_000_000, "10"),
    (60_000_000, "60"),
];

/// The lag histogram; shared (`Arc`) by the projector, which records, and `/metrics`.
#[derive(Debug, Default)]
pub(crate) struct ProjectionLag {
    /// One counter per bucket (not cumulative), then one for longer lags.
    buckets: [AtomicU64; BUCKETS.len() + 1],
    sum_micros: AtomicU64,
}

impl ProjectionLag {
    /// Counts one event applied `lag` after it happened.
    pub(crate) fn record(&self, lag: Duration) {
        let micros = u64::try_from(lag.as_micros()).unwrap_or(u64::MAX);
        let bucket = BUCKETS
            .iter()
            .position(|&(bound, _)| micros <= bound)
            .unwrap_or(BUCKETS.len());
        self.buckets[bucket].fetch_add(1, Ordering::Relaxed);
        self.sum_micros.fetch_add(micros, Ordering::Relaxed);
    }

    /// The histogram in Prometheus' text format.
    pub(crate) fn render_prometheus(&self) -> String {
        let mut out = String::from(
            "# HELP projection_lag_seconds Time from an event to the commit of its projection.\n\
             # TYPE projection_lag_seconds histogram\n",
        );
        let mut cumulative = 0;
        for (index, (_, bound)) in BUCKETS.iter().enumerate() {
            cumulative += self.buckets[index].load(Ordering::Relaxed);
            let _ = writeln!(
                out,
                "projection_lag_seconds_bucket{{le=\"{bound}\"}} {cumulative}"
            );
        }
        cumulative += self.buckets[BUCKETS.len()].load(Ordering::Relaxed);
        let sum = self.sum_micros.load(Ordering::Relaxed) as f64 / 1e6;
        let _ = writeln!(
            out,
            "projection_lag_seconds_bucket{{le=\"+Inf\"}} {cumulative}"
        );
        let _ = writeln!(out, "projection_lag_seconds_sum {sum}");
        let _ = writeln!(out, "projection_lag_seconds_count {cumulative}");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lags_land_in_cumulative_buckets_with_their_sum_and_count() {
        let lag = ProjectionLag::default();
        lag.record(Duration::from_micros(800));
        lag.record(Duration::from_millis(15));
        lag.record(Duration::from_millis(20));
        lag.record(Duration::from_secs(120));
        let text = lag.render_prometheus();
        assert!(text.contains("projection_lag_seconds_bucket{le=\"0.001\"} 1\n"));
        assert!(text.contains("projection_lag_seconds_bucket{le=\"0.01\"} 1\n"));
        // A bound is inclusive.
        assert!(text.contains("projection_lag_seconds_bucket{le=\"0.02\"} 3\n"));
        assert!(text.contains("projection_lag_seconds_bucket{le=\"60\"} 3\n"));
        assert!(text.contains("projection_lag_seconds_bucket{le=\"+Inf\"} 4\n"));
        assert!(text.contains("projection_lag_seconds_count 4\n"));
        assert!(text.contains("projection_lag_seconds_sum 120.0358\n"));
    }
}
