//! The Prometheus text exposition format (version 0.0.4) of a [`MetricsRegistry`]:
//! what the server answers on `GET /metrics`. Families always appear with their
//! `# HELP` and `# TYPE` lines, series sorted by name so that scrapes diff cleanly.

use super::metrics::{BUCKETS, EventMetrics, MetricsRegistry, RequestMetrics, STATUS_CODES, read};
use std::fmt::{self, Write};
use std::sync::PoisonError;
use std::sync::atomic::{AtomicU64, Ordering};

impl MetricsRegistry {
    /// The `Content-Type` of [`render_prometheus`](Self::render_prometheus)'s text.
    pub const CONTENT_TYPE: &'static str = "text/plain; version=0.0.4; charset=utf-8";

    /// Every metric in the Prometheus text format:
    /// `mediator_requests_total`, `mediator_request_outcomes_total`,
    /// `mediator_request_duration_seconds` (a histogram), `mediator_events_total` and
    /// `mediator_event_handler_failures_total`.
    pub fn render_prometheus(&self) -> String {
        let mut text = String::new();
        // Writing to a `String` cannot fail.
        let _ = self.write_prometheus(&mut text);
        text
    }

    fn write_prometheus(&self, out: &mut String) -> fmt::Result {
        {
            let requests = read(&self.requests);
            let mut requests: Vec<&RequestMetrics> = requests.values().collect();
            requests.sort_unstable_by_key(|metrics| metrics.name);
            write_requests(out, &requests)?;
        }
        let events = read(&self.events);
        let mut events: Vec<&EventMetrics> = events.values().collect();
        events.sort_unstable_by_key(|metrics| metrics.name);
        write_events(out, &events)
    }
}

fn write_requests(out: &mut String, requests: &[&RequestMetrics]) -> fmt::Result {
    header(
        out,
        "mediator_requests_total",
        "counter",
        "Requests handled.",
    )?;
    for metrics in requests {
        let total: u64 = metrics.outcomes.iter().map(load).sum();
        writeln!(
            out,
            "mediator_requests_total{{{}}} {total}",
            labels(metrics)
        )?;
    }

    let help = "Requests by outcome (success or failure) and status code.";
    header(out, "mediator_request_outcomes_total", "counter", help)?;
    for metrics in requests {
        for (code, count) in STATUS_CODES.iter().zip(&metrics.outcomes) {
            let count = load(count);
            if count > 0 {
                let outcome = if *code < 400 { "success" } else { "failure" };
                let labels = labels(metrics);
                writeln!(
                    out,
                    "mediator_request_outcomes_total{{{labels},outcome=\"{outcome}\",status=\"{code}\"}} {count}"
                )?;
            }
        }
    }

    let name = "mediator_request_duration_seconds";
    header(out, name, "histogram", "Time requests took, in seconds.")?;
    for metrics in requests {
        let labels = labels(metrics);
        let mut cumulative = 0;
        for ((_, bound), count) in BUCKETS.iter().zip(&metrics.buckets) {
            cumulative += load(count);
            writeln!(out, "{name}_bucket{{{labels},le=\"{bound}\"}} {cumulative}")?;
        }
        cumulative += load(&metrics.buckets[BUCKETS.len()]);
        writeln!(out, "{name}_bucket{{{labels},le=\"+Inf\"}} {cumulative}")?;
        // Nanoseconds as a decimal number of seconds, without float rounding.
        let nanos = load(&metrics.sum_nanos);
        let (seconds, fraction) = (nanos / 1_000_000_000, nanos % 1_000_000_000);
        writeln!(out, "{name}_sum{{{labels}}} {seconds}.{fraction:09}")?;
        writeln!(out, "{name}_count{{{labels}}} {cumulative}")?;
    }
    Ok(())
}

fn write_events(out: &mut String, events: &[&EventMetrics]) -> fmt::Result {
    header(out, "mediator_events_total", "counter", "Events published.")?;
    for metrics in events {
        let event = escape(metrics.name);
        let published = load(&metrics.published);
        writeln!(
            out,
            "mediator_events_total{{event=\"{event}\"}} {published}"
        )?;
    }

    let name = "mediator_event_handler_failures_total";
    header(
        out,
        name,
        "counter",
        "Event handlers that returned an error.",
    )?;
    for metrics in events {
        let event = escape(metrics.name);
        let failures = metrics
            .failures
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let mut failures = failures.clone();
        failures.sort_unstable();
        for (handler, count) in failures {
            let handler = escape(handler);
            writeln!(
                out,
                "{name}{{event=\"{event}\",handler=\"{handler}\"}} {count}"
            )?;
        }
    }
    Ok(())
}

fn header(out: &mut String, name: &str, kind: &str, help: &str) -> fmt::Result {
    writeln!(out, "# HELP {name} {help}")?;
    writeln!(out, "# TYPE {name} {kind}")
}

fn labels(metrics: &RequestMetrics) -> String {
    format!(
        "request=\"{}\",kind=\"{}\"",
        escape(metrics.name),
        metrics.kind
    )
}

fn load(counter: &AtomicU64) -> u64 {
    counter.load(Ordering::Relaxed)
}

/// A label value as the format wants it: backslash, quote and newline escaped.
fn escape(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            '"' => escaped.push_str("\\\""),
            '\n' => escaped.push_str("\\n"),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn label_values_escape_quotes_backslashes_and_newlines() {
        assert_eq!(escape("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
        assert_eq!(escape("Page<PlaceOrder>"), "Page<PlaceOrder>");
    }
}
