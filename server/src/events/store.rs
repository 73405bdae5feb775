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
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use sqlx::{Any, AnyPool, Executor};
use uuid::Uuid;

/// Key of the PostgreSQL advisory lock that serializes appends ("PIZZA" in ASCII).
const APPEND_LOCK: i64 = 0x50_49_5A_5A_41;

/// The version of the payloads this code writes and reads, stored with each event.
///
/// Payloads change only by adding a field with a `#[serde(default)]` for the events
/// stored before it (as `OrderPlaced::total_prep_minutes` was added): old payloads then
/// read as they are, and the version stays 1. A change old payloads cannot be read as
/// must raise it and upcast the older versions in [`StoredEvent::decode`]; until then an
/// event of another version is refused as corrupt rather than misread.
pub(crate) const PAYLOAD_VERSION: i64 = 1;

/// Everything that can happen to one kind of aggregate (an order, a pizza): an enum with
/// a variant per event, named in the past tense, holding the event's payload. It is
/// serialized with serde's adjacent tag, `#[serde(tag = "event_type", content =
/// "payload")]`: the variant's name is stored in `event_type` and never changes once
/// events exist; its payload in `payload`. A `match` on the enum is thus the one list of
/// what can happen, and adding an event is a compile error wherever events are applied.
pub(crate) trait DomainEvent: mediator::Event + Serialize + DeserializeOwned {
    /// The prefix of the aggregate's streams (`order-`): every event of such a stream is
    /// one of this type's.
    const STREAM_PREFIX: &'static str;

    /// The stream (aggregate instance) the event belongs to, e.g. `order-<uuid>`.
    fn stream_id(&self) -> String;

    /// When it happened.
    fn occurred_at(&self) -> DateTime<Utc>;
}

/// An event as the adjacent tag spells it: the variant's name and its payload.
#[derive(Deserialize)]
struct Tagged<'a> {
    event_type: String,
    #[serde(borrow)]
    payload: &'a RawValue,
}

/// `event`'s stored form: its `event_type` and its `payload` (JSON).
pub(crate) fn encode<E: DomainEvent>(event: &E) -> serde_json::Result<(String, String)> {
    let text = serde_json::to_string(event)?;
    let tagged: Tagged<'_> = serde_json::from_str(&text)?;
    Ok((tagged.event_type, tagged.payload.get().to_owned()))
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
    /// The event as an `E`, when it belongs to one of `E`'s streams; an error when it
    /// does but is not one of `E`'s events, or not of the [`PAYLOAD_VERSION`] this code
    /// reads.
    pub fn decode<E: DomainEvent>(&self) -> Option<Result<E, DbError>> {
        self.stream_id
            .starts_with(E::STREAM_PREFIX)
            .then(|| self.tagged().ok_or_else(|| self.corrupt()))
    }

    /// The event decoded from its stored form, as `encode` wrote it.
    fn tagged<E: DomainEvent>(&self) -> Option<E> {
        if self.schema_version != PAYLOAD_VERSION {
            return None;
        }
        let event_type = serde_json::to_string(&self.event_type).ok()?;
        let text = format!(
            r#"{{"event_type":{event_type},"payload":{}}}"#,
            self.payload
        );
        serde_json::from_str(&text).ok()
    }

    fn corrupt(&self) -> DbError {
        DbError::Corrupt {
            column: "events.payload",
            value: format!(
                "{} (version {}) at position {}",
                self.event_type, self.schema_version, self.position
            ),
        }
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
        let (event_type, payload) = encode(event).map_err(Problem::internal)?;
        let version = appended.version + 1;
        let inserted: Result<(i64,), sqlx::Error> = sqlx::query_as(
            "INSERT INTO events (stream_id, stream_version, event_type, schema_version, \
             payload, recorded_at, correlation_id) VALUES ($1, $2, $3, $4, $5, $6, $7) \
             RETURNING position",
        )
        .bind(event.stream_id())
        .bind(version)
        .bind(event_type)
        .bind(PAYLOAD_VERSION)
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
    if Backend::of_connection(tx) == Backend::Postgres && !tx.holds_append_lock() {
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(APPEND_LOCK)
            .execute(&mut **tx)
            .await
            .map_err(DbError::from)?;
        tx.took_append_lock();
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

/// An `events` row as selected by [`read_after`] and the live replay.
#[derive(sqlx::FromRow)]
pub(crate) struct EventRow {
    position: i64,
    stream_id: String,
    stream_version: i64,
    event_type: String,
    schema_version: i64,
    payload: String,
    recorded_at: String,
}

impl TryFrom<EventRow> for StoredEvent {
    type Error = DbError;

    fn try_from(row: EventRow) -> Result<Self, DbError> {
        Ok(StoredEvent {
            position: row.position,
            stream_id: row.stream_id,
            stream_version: row.stream_version,
            event_type: row.event_type,
            schema_version: row.schema_version,
            payload: row.payload,
            recorded_at: timestamp("events.recorded_at", &row.recorded_at)?,
        })
    }
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
    rows.into_iter().map(StoredEvent::try_from).collect()
}

/// The highest position stored, 0 when the log is empty.
pub(crate) async fn head(pool: &AnyPool) -> Result<i64, DbError> {
    let (head,): (Option<i64>,) = sqlx::query_as("SELECT MAX(position) FROM events")
        .fetch_one(pool)
        .await?;
    Ok(head.unwrap_or(0))
}
