//! Retry-safe commands: a client sends the same `Idempotency-Key` with every attempt at
//! one command (a retry after a lost answer, a double click), and the server answers
//! the first outcome again rather than doing the work twice.

use mediator::FieldError;
use serde::{Deserialize, Serialize};

/// The header (REST) and argument (server functions) that carries the key.
pub const IDEMPOTENCY_KEY_HEADER: &str = "Idempotency-Key";

/// Shortest key accepted: long enough that keys from different clients do not meet by
/// chance (a UUID has 36 characters).
pub const MIN_IDEMPOTENCY_KEY_LEN: usize = 16;
/// Longest key accepted.
pub const MAX_IDEMPOTENCY_KEY_LEN: usize = 128;

/// How long the server remembers a key, in hours.
pub const IDEMPOTENCY_KEY_HOURS: i64 = 24;

/// A checked idempotency key: 16 to 128 printable ASCII characters, such as a UUID.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    /// Checks `raw`; the error names the header.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let printable = raw.bytes().all(|byte| byte.is_ascii_graphic());
        let length = (MIN_IDEMPOTENCY_KEY_LEN..=MAX_IDEMPOTENCY_KEY_LEN).contains(&raw.len());
        if printable && length {
            Ok(Self(raw.to_owned()))
        } else {
            Err(FieldError::new(
                IDEMPOTENCY_KEY_HEADER,
                format!(
                    "An idempotency key is {MIN_IDEMPOTENCY_KEY_LEN} to {MAX_IDEMPOTENCY_KEY_LEN} \
                     printable ASCII characters without spaces, such as a UUID."
                ),
            ))
        }
    }

    /// The key as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_uuid_is_a_key() {
        let key = IdempotencyKey::parse("0f8fad5b-d9cb-469f-a165-70867728950e").unwrap();
        assert_eq!(key.as_str(), "0f8fad5b-d9cb-469f-a165-70867728950e");
    }

    #[test]
    fn short_long_spaced_or_non_ascii_keys_are_refused_naming_the_header() {
        for raw in [
            "",
            "too-short",
            &"x".repeat(129),
            "with a space inside it",
            "ключ-ключ-ключ-ключ",
        ] {
            let error = IdempotencyKey::parse(raw).unwrap_err();
            assert_eq!(error.field, IDEMPOTENCY_KEY_HEADER, "{raw:?}");
        }
    }
}
