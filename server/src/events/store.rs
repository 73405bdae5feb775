//! Append-only event store. Each stream (one order, one pizza) has a version that
//! increases by one per event: `(stream_id, stream_version)` is unique, so two commands
//! that both read version 3 cannot both append version 4 (optimistic concurrency). Every
//! event also gets a global `position`, the order in which projections apply them.
//!
//! Positions must become visible in order, or a projector could pass a position whose
//! transaction commits later. SQLite has one writer at a time, so that holds by itself;
//! on PostgreSQL an append takes a transaction-scoped advisory lock first, so appends
//! commit in position order.

use crate::db::{Backend, DbError, Tx, timestamp, timestamp_text};
use chrono::{DateTime, SubsecRound, Utc};
use mediator::Problem;
use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::{Any, AnyPool, Executor};
use uuid::Uuid;

/// Key of the PostgreSQL advisory lock that serializes appends ("PIZZA" in ASCII).
const APPEND_LOCK: i64 = 0x50_49_5A_5A_41;

/// A domain event that can be stored: past tense, serializable, belonging to a stream.
pub(crate) trait DomainEvent: mediator::Event + Serialize + DeserializeOwned {
    /// Name stored in `event_type`; never changes once events exist.
    const TYPE: &'static str;
    /// Version of the payload's shape, so old events can be upcast later.
    const SCHEMA_VERSION: i64 = 1;

    /// The stream (aggregate instance) the event belongs to, e.g. `order-<uuid>`.
    fn stream_id(&self) -> String;

    /// When it happened.
    fn occurred_at(&self) -> DateTime<Utc>;
}

/// Where an append left the stream and the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Appended {
    /// The stream's version after the append.
    pub version: i64,
    /// Global position of the last event appended.
    pub position: i64,
}

/// One stored event as the projector reads it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StoredEvent {
    pub position: i64,
    pub stream_id: String,
    pub stream_version: i64,
    pub event_type: String,
    pub schema_version: i64,
    pub payload: String,
    pub recorded_at: DateTime<Utc>,
}

impl StoredEvent {
    /// The payload as `E`, when this event is of `E`'s type.
    pub fn decode<E: DomainEvent>(&self) -> Option<Result<E, DbError>> {
        (self.event_type == E::TYPE).then(|| {
            serde_json::from_str(&self.payload).map_err(|_| DbError::Corrupt {
                column: "events.payload",
                value: format!("{} at position {}", self.event_type, self.position),
            })
        })
    }
}

/// The time to stamp a new event with. Storage keeps microseconds, so an event read back
/// equals the one recorded.
pub(crate) fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

/// How many events `stream_id` holds: the version to append at, 0 for a new stream.
pub(crate) async fn stream_version(tx: &mut Tx, stream_id: &str) -> Result<i64, DbError> {
    let (version,): (Option<i64>,) =
        sqlx::query_as("SELECT MAX(stream_version) FROM events WHERE stream_id = $1")
            .bind(stream_id)
            .fetch_one(&mut **tx)
            .await?;
    Ok(version.unwrap_or(0))
}

/// Appends `events` to their stream, which must be at `expected_version` (0 for a new
/// stream), tagged with the request's `correlation` id. A stream that moved on meanwhile
/// answers 409.
pub(crate) async fn append<E: DomainEvent>(
    tx: &mut Tx,
    correlation: Option<Uuid>,
    expected_version: i64,
    events: &[E],
) -> Result<Appended, Problem> {
    lock_for_append(tx).await?;
    let mut appended = Appended {
        version: expected_version,
        position: 0,
    };
    for event in events {
        let payload = serde_json::to_string(event).map_err(Problem::internal)?;
        let version = appended.version + 1;
        let inserted: Result<(i64,), sqlx::Error> = sqlx::query_as(
            "INSERT INTO events (stream_id, stream_version, event_type, schema_version, \
             payload, recorded_at, correlation_id) VALUES ($1, $2, $3, $4, $5, $6, $7) \
             RETURNING position",
        )
        .bind(event.stream_id())
        .bind(version)
        .bind(E::TYPE)
        .bind(E::SCHEMA_VERSION)
        .bind(payload)
        .bind(timestamp_text(event.occurred_at()))
        .bind(correlation.map(|id| id.to_string()))
        .fetch_one(&mut **tx)
        .await;
        let (position,) =
            inserted.map_err(|error| conflict_or_internal(error, &event.stream_id()))?;
        appended = Appended { version, position };
    }
    Ok(appended)
}

/// Takes the append lock now rather than at the first append (PostgreSQL; a no-op on
/// SQLite, whose `BEGIN IMMEDIATE` already serializes writers). A command whose decision
/// depends on other streams' state (the kitchen's capacity) takes it before reading,
/// so no concurrent command can change that state before this one commits.
pub(crate) async fn lock_for_append(tx: &mut Tx) -> Result<(), Problem> {
    if Backend::of_connection(tx) == Backend::Postgres {
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(APPEND_LOCK)
            .execute(&mut **tx)
            .await
            .map_err(DbError::from)?;
    }
    Ok(())
}

fn conflict_or_internal(error: sqlx::Error, stream: &str) -> Problem {
    let unique = error
        .as_database_error()
        .is_some_and(|db| db.is_unique_violation());
    if unique {
        Problem::conflict(format!(
            "{stream} was changed by someone else at the same time; reload it and try again."
        ))
    } else {
        DbError::from(error).into()
    }
}

/// An `events` row as selected by [`read_after`] and the live replay: position, stream,
/// version, type, schema version, payload, recorded at.
pub(crate) type EventRow = (i64, String, i64, String, i64, String, String);

/// A selected `events` row as a [`StoredEvent`].
pub(crate) fn stored_event(row: EventRow) -> Result<StoredEvent, DbError> {
    let (position, stream_id, stream_version, event_type, schema_version, payload, at) = row;
    Ok(StoredEvent {
        position,
        stream_id,
        stream_version,
        event_type,
        schema_version,
        payload,
        recorded_at: timestamp("events.recorded_at", &at)?,
    })
}

/// Up to `limit` events after `position`, in position order.
pub(crate) async fn read_after<'e>(
    db: impl Executor<'e, Database = Any>,
    position: i64,
    limit: i64,
) -> Result<Vec<StoredEvent>, DbError> {
    let rows: Vec<EventRow> = sqlx::query_as(
        "SELECT position, stream_id, stream_version, event_type, schema_version, payload, \
         recorded_at FROM events WHERE position > $1 ORDER BY position LIMIT $2",
    )
    .bind(position)
    .bind(limit)
    .fetch_all(db)
    .await?;
    rows.into_iter().map(stored_event).collect()
}

/// The highest position stored, 0 when the log is empty.
pub(crate) async fn head(pool: &AnyPool) -> Result<i64, DbError> {
    let (head,): (Option<i64>,) = sqlx::query_as("SELECT MAX(position) FROM events")
        .fetch_one(pool)
        .await?;
    Ok(head.unwrap_or(0))
}
