//! [`Metrics`]: counts every request by type and outcome status, times it in a
//! histogram, and counts published events and failing event handlers, through the
//! [`metrics`] facade. Whoever runs the mediator installs a recorder (the server's
//! renders Prometheus text); with none installed, recording costs next to nothing.
//!
//! | name | kind | labels |
//! | --- | --- | --- |
//! | `mediator_requests_total` | counter | `request`, `kind` |
//! | `mediator_request_outcomes_total` | counter | `request`, `kind`, `outcome`, `status` |
//! | `mediator_request_duration_seconds` | histogram | `request`, `kind` |
//! | `mediator_events_total` | counter | `event` |
//! | `mediator_event_handler_failures_total` | counter | `event`, `handler` |
//!
//! Every label value is a type name or a status code: the series are bounded by the
//! program, never by what clients send.

use super::trace::kind_name;
use crate::{Answer, Behavior, Context, EventRef, Next, NextEvent, PublishReport, Request};
use metrics::{counter, describe_counter, describe_histogram, histogram};
use std::time::Instant;

/// Records every request and event through the [`metrics`] facade. Put it outside
/// [`Caching`](crate::Caching), so that cache hits count as requests.
#[derive(Debug, Clone, Copy, Default)]
pub struct Metrics;

impl Metrics {
    /// Gives the recorder each metric's help text and unit; call once, after
    /// installing it.
    pub fn describe() {
        describe_counter!("mediator_requests_total", "Requests handled, by type.");
        describe_counter!(
            "mediator_request_outcomes_total",
            "Requests handled, by type and outcome status."
        );
        describe_histogram!(
            "mediator_request_duration_seconds",
            metrics::Unit::Seconds,
            "Time to handle a request, behaviors included."
        );
        describe_counter!("mediator_events_total", "Events published.");
        describe_counter!(
            "mediator_event_handler_failures_total",
            "Event handlers that failed, by event and handler."
        );
    }
}

impl Behavior for Metrics {
    async fn handle<R: Request>(&self, req: R, ctx: &mut Context, next: impl Next<R>) -> Answer<R> {
        let started = Instant::now();
        let outcome = next.run(req, ctx).await;
        let (result, status) = match &outcome {
            Ok(done) => ("success", done.code()),
            Err(problem) => ("failure", problem.code()),
        };
        let (request, kind) = (R::name(), kind_name(R::KIND));
        counter!("mediator_requests_total", "request" => request, "kind" => kind).increment(1);
        counter!(
            "mediator_request_outcomes_total",
            "request" => request,
            "kind" => kind,
            "outcome" => result,
            "status" => status.to_string()
        )
        .increment(1);
        histogram!("mediator_request_duration_seconds", "request" => request, "kind" => kind)
            .record(started.elapsed());
        outcome
    }

    async fn handle_event<N: NextEvent>(&self, event: EventRef<'_>, next: N) -> PublishReport {
        let report = next.run(event).await;
        counter!("mediator_events_total", "event" => event.name()).increment(1);
        for failure in &report.failed {
            counter!(
                "mediator_event_handler_failures_total",
                "event" => event.name(),
                "handler" => failure.handler
            )
            .increment(1);
        }
        report
    }
}
