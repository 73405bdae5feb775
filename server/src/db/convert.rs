//! Conversions between stored text and domain types, and the persistence error.
//! Stored values are written by this server only, so a value that fails to parse is
//! corruption: it becomes an internal error (logged, never shown to a client).

use crate::db::database_unavailable;
use chrono::{DateTime, SecondsFormat, Utc};
use mediator::Problem;
use rust_decimal::Decimal;
use std::str::FromStr;
use uuid::Uuid;

/// What can go wrong talking to the database.
#[derive(Debug, thiserror::Error)]
pub(crate) enum DbError {
    #[error("database error: {0}")]
    Sqlx(#[from] sqlx::Error),
    #[error("stored value in column {column} is corrupt: {value:?}")]
    Corrupt { column: &'static str, value: String },
    /// A read model refused an event; names which, so the one log line says it all.
    #[error("read model {view} could not apply the event at position {position}: {source}")]
    Projection {
        view: &'static str,
        position: i64,
        source: Box<DbError>,
    },
    /// The shared write transaction (`db::writer`) failed; every member hears the cause.
    #[error("the shared write transaction failed: {0}")]
    Batch(std::sync::Arc<str>),
}

/// 503 with `Retry-After` while the database cannot be reached; any other failure is
/// a 500 whose cause is logged, never shown.
impl From<DbError> for Problem {
    fn from(error: DbError) -> Self {
        if error.is_unreachable() {
            database_unavailable(&error)
        } else {
            Problem::internal(error)
        }
    }
}

/// A stored value that does not parse, named by its column.
pub(crate) fn corrupt(column: &'static str, value: &str) -> DbError {
    DbError::Corrupt {
        column,
        value: value.to_owned(),
    }
}

/// Parses a stored decimal.
pub(crate) fn decimal(column: &'static str, value: &str) -> Result<Decimal, DbError> {
    Decimal::from_str(value).map_err(|_| corrupt(column, value))
}

/// Narrows a stored BIGINT count (quantities, minutes, totals) to the type the DTO uses;
/// a negative or oversized count is corruption.
pub(crate) fn count<T: TryFrom<i64>>(column: &'static str, value: i64) -> Result<T, DbError> {
    T::try_from(value).map_err(|_| corrupt(column, &value.to_string()))
}

/// Parses a stored UUID.
pub(crate) fn uuid(column: &'static str, value: &str) -> Result<Uuid, DbError> {
    Uuid::parse_str(value).map_err(|_| corrupt(column, value))
}

/// Parses a stored JSON array of strings.
pub(crate) fn json_list(column: &'static str, value: &str) -> Result<Vec<String>, DbError> {
    serde_json::from_str(value).map_err(|_| corrupt(column, value))
}

/// Parses a stored timestamp.
pub(crate) fn timestamp(column: &'static str, value: &str) -> Result<DateTime<Utc>, DbError> {
    DateTime::parse_from_rfc3339(value)
        .map(|time| time.with_timezone(&Utc))
        .map_err(|_| corrupt(column, value))
}

/// Formats a timestamp for storage: fixed width (microseconds, `Z`), so text order is time order.
pub(crate) fn timestamp_text(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Micros, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_round_trip_at_microsecond_precision() {
        let text = "2026-11-26T21:31:00.123456Z";
        assert_eq!(timestamp_text(timestamp("t", text).unwrap()), text);
    }

    #[test]
    fn corrupt_values_name_their_column() {
        let error = decimal("base_price", "abc").unwrap_err();
        assert_eq!(
            error.to_string(),
            "stored value in column base_price is corrupt: \"abc\""
        );
    }
}
