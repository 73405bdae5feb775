//! A `tracing` layer that keeps every span and log event in memory, so tests can
//! check what the tracing behavior and the mediator emit.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::{Arc, Mutex};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Level, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;

/// A span as it ended up: its name and the last value of each field.
#[derive(Debug, Clone)]
pub struct SpanRecord {
    pub name: &'static str,
    pub fields: BTreeMap<String, String>,
}

/// A log event: its level, fields (`message` included) and enclosing span's name.
#[derive(Debug, Clone)]
pub struct LogRecord {
    pub level: Level,
    pub fields: BTreeMap<String, String>,
    pub span: Option<&'static str>,
}

#[derive(Default)]
struct Captured {
    spans: Vec<SpanRecord>,
    // Span ids are reused once a span closes, so they map to the latest span only.
    live: HashMap<u64, usize>,
    logs: Vec<LogRecord>,
}

/// Everything emitted while its guard lives, on this thread.
#[derive(Clone, Default)]
pub struct Logs(Arc<Mutex<Captured>>);

impl Logs {
    /// Captures on the current thread until the guard is dropped.
    pub fn capture() -> (Self, tracing::subscriber::DefaultGuard) {
        let logs = Self::default();
        let subscriber = tracing_subscriber::registry().with(logs.clone());
        (logs, tracing::subscriber::set_default(subscriber))
    }

    /// The spans named `name`, in creation order.
    pub fn spans(&self, name: &str) -> Vec<SpanRecord> {
        let captured = self.0.lock().unwrap();
        let spans = captured.spans.iter().filter(|span| span.name == name);
        spans.cloned().collect()
    }

    /// The log events at `level`.
    pub fn at(&self, level: Level) -> Vec<LogRecord> {
        let captured = self.0.lock().unwrap();
        let logs = captured.logs.iter().filter(|log| log.level == level);
        logs.cloned().collect()
    }
}

struct Fields<'a>(&'a mut BTreeMap<String, String>);

impl Visit for Fields<'_> {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }
}

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for Logs {
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, _ctx: Context<'_, S>) {
        let mut fields = BTreeMap::new();
        attrs.record(&mut Fields(&mut fields));
        let name = attrs.metadata().name();
        let mut captured = self.0.lock().unwrap();
        let index = captured.spans.len();
        captured.spans.push(SpanRecord { name, fields });
        captured.live.insert(id.into_u64(), index);
    }

    fn on_record(&self, id: &Id, values: &Record<'_>, _ctx: Context<'_, S>) {
        let mut captured = self.0.lock().unwrap();
        if let Some(&index) = captured.live.get(&id.into_u64()) {
            values.record(&mut Fields(&mut captured.spans[index].fields));
        }
    }

    fn on_event(&self, event: &tracing::Event<'_>, ctx: Context<'_, S>) {
        let mut fields = BTreeMap::new();
        event.record(&mut Fields(&mut fields));
        let span = ctx.event_span(event).map(|span| span.name());
        let level = *event.metadata().level();
        let log = LogRecord {
            level,
            fields,
            span,
        };
        self.0.lock().unwrap().logs.push(log);
    }
}
