//! [`Tracing`]: one `tracing` span per request and per published event, with what
//! logs and traces need to tell them apart (type, kind, status, duration), and the one
//! place a failed request is logged.

use crate::event::error_chain;
use crate::{Answer, Behavior, Context, EventRef, Next, NextEvent, Problem, PublishReport};
use crate::{ProblemStatus, Request, RequestKind};
use std::time::{Duration, Instant};
use tracing::{Instrument, field};

/// Wraps each request in a span named `request` with the fields `request` (its
/// [`Request::name`]), `kind` (`command` or `query`), `status` and `duration_ms`, and
/// each event in a span named `event` with `event`, `kind = "event"`, `delivered`,
/// `failed` and `duration_ms`.
///
/// A 5xx problem is logged once, at `error`, with its private
/// [`cause`](Problem::cause); a 4xx at `debug`, since it is the client's mistake.
/// Event handler failures are logged by the mediator itself, inside the event span.
///
/// Put it outermost, so the span covers every other behavior.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tracing;

impl Behavior for Tracing {
    async fn handle<R: Request>(&self, req: R, ctx: &mut Context, next: impl Next<R>) -> Answer<R> {
        let span = tracing::info_span!(
            "request",
            request = R::name(),
            kind = kind_name(R::KIND),
            status = field::Empty,
            duration_ms = field::Empty,
        );
        let started = Instant::now();
        let outcome = next.run(req, ctx).instrument(span.clone()).await;
        let status = match &outcome {
            Ok(done) => done.code(),
            Err(problem) => problem.code(),
        };
        span.record("status", status);
        span.record("duration_ms", millis(started.elapsed()));
        if let Err(problem) = &outcome {
            span.in_scope(|| log_problem(R::name(), problem));
        }
        outcome
    }

    async fn handle_event<N: NextEvent>(&self, event: EventRef<'_>, next: N) -> PublishReport {
        let span = tracing::info_span!(
            "event",
            event = event.name(),
            kind = "event",
            delivered = field::Empty,
            failed = field::Empty,
            duration_ms = field::Empty,
        );
        let started = Instant::now();
        let report = next.run(event).instrument(span.clone()).await;
        span.record("delivered", report.delivered);
        span.record("failed", report.failed.len());
        span.record("duration_ms", millis(started.elapsed()));
        report
    }
}

/// The `kind` field of a request span.
pub(crate) fn kind_name(kind: RequestKind) -> &'static str {
    match kind {
        RequestKind::Command => "command",
        RequestKind::Query => "query",
    }
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn log_problem(request: &'static str, problem: &Problem) {
    let status = problem.code();
    if status < 500 {
        tracing::debug!(request, status, detail = %problem.detail, "request refused");
        return;
    }
    match problem.cause() {
        Some(cause) => {
            let cause = error_chain(cause);
            tracing::error!(request, status, %cause, "request failed");
        }
        // "Busy, retry shortly" (a full kitchen, read models catching up) is the service
        // working as meant: worth a warning, not an error anyone must act on.
        None if problem.status == ProblemStatus::Unavailable => {
            tracing::warn!(request, status, detail = %problem.detail, "request deferred");
        }
        None => tracing::error!(request, status, detail = %problem.detail, "request failed"),
    }
}
