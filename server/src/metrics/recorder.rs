//! The one Prometheus recorder of the process, installed behind the `metrics` facade the
//! first time a server is built, with each metric's buckets and help text.

use mediator::Metrics;
use metrics::{Unit, describe_gauge, describe_histogram};
use metrics_exporter_prometheus::{BuildError, Matcher, PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;
use std::time::Duration;

/// The content type of the rendered text.
pub(crate) const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

/// Buckets of every latency histogram, in seconds.
const SECONDS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
];
/// Buckets of the projection lag, in seconds: up to a minute behind.
const LAG_SECONDS: [f64; 14] = [
    0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 60.0,
];
/// Buckets of the projector's batch sizes, in events (a batch holds at most 32, the
/// projector's `BATCH`).
const BATCH_EVENTS: [f64; 6] = [1.0, 2.0, 4.0, 8.0, 16.0, 32.0];

/// How often histogram samples are folded into their buckets between scrapes. Until then
/// each sample is kept (8 bytes), so what they hold grows with the request rate times
/// this interval.
const UPKEEP_EVERY: Duration = Duration::from_secs(1);

static RECORDER: OnceLock<PrometheusHandle> = OnceLock::new();

/// The handle that renders what the process recorded; installs the recorder first
/// when none is.
pub(crate) fn prometheus() -> PrometheusHandle {
    RECORDER.get_or_init(install).clone()
}

/// Folds histogram samples into their buckets every few seconds; runs until the
/// runtime stops.
pub(crate) async fn upkeep(handle: PrometheusHandle) {
    loop {
        tokio::time::sleep(UPKEEP_EVERY).await;
        handle.run_upkeep();
    }
}

fn install() -> PrometheusHandle {
    let recorder = match builder() {
        Ok(builder) => builder.build_recorder(),
        Err(error) => {
            tracing::error!(%error, "metric buckets refused; histograms become summaries");
            PrometheusBuilder::new().build_recorder()
        }
    };
    let handle = recorder.handle();
    if metrics::set_global_recorder(recorder).is_err() {
        tracing::warn!("another metrics recorder is installed; /metrics will be empty");
    }
    Metrics::describe();
    describe();
    handle
}

fn builder() -> Result<PrometheusBuilder, BuildError> {
    PrometheusBuilder::new()
        .set_buckets(&SECONDS)?
        .set_buckets_for_metric(Matcher::Full("projection_lag_seconds".into()), &LAG_SECONDS)?
        .set_buckets_for_metric(
            Matcher::Full("projector_batch_events".into()),
            &BATCH_EVENTS,
        )
}

fn describe() {
    describe_histogram!(
        "http_request_duration_seconds",
        Unit::Seconds,
        "Time to answer an HTTP request, by method, route pattern and status."
    );
    describe_gauge!("sse_streams_open", "Live-update streams open now.");
    describe_histogram!(
        "projection_lag_seconds",
        Unit::Seconds,
        "Time from an event to the commit of its projection."
    );
    describe_histogram!(
        "projector_batch_events",
        Unit::Count,
        "Events the projector applied in one batch."
    );
    describe_gauge!(
        "projector_position",
        "The last event position applied to every read model."
    );
    describe_gauge!(
        "sign_in_hash_queue",
        "Password checks waiting for a hasher thread."
    );
    describe_gauge!(
        "db_pool_connections",
        "Database connections of the pool, idle or in use."
    );
    describe_gauge!(
        "db_write_queue",
        "Writers waiting for the SQLite write connection (0 on PostgreSQL)."
    );
}
