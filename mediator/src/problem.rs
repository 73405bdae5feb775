//! [`Problem`]: why a request failed, shaped like RFC 7807 problem+json so the server
//! can send it as is. An internal cause rides along for the logs and is never serialized.

use crate::ProblemStatus;
use serde::{Deserialize, Serialize};
use std::error::Error;
use std::fmt;
use std::sync::Arc;

/// One rejected input field and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The field's path as the client named it (`pizza_items[0].quantity`).
    pub field: String,
    /// A message meant for the person who filled in the field.
    pub message: String,
}

impl FieldError {
    /// A field and its message.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// Why a request failed: a status, a title, a detail safe to show, and for
/// validation the failing fields.
#[derive(Clone, Serialize, Deserialize)]
pub struct Problem {
    /// Serialized as the numeric HTTP code.
    pub status: ProblemStatus,
    /// Short, generic summary (by default the status title).
    pub title: String,
    /// What went wrong, in words a client may see.
    pub detail: String,
    /// The failing fields of a validation problem.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// When to try again, for 429 and 503.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_secs: Option<u32>,
    // Kept out of serde so internal text (SQL errors, paths) never reaches a client.
    #[serde(skip)]
    cause: Option<Arc<dyn Error + Send + Sync>>,
}

/// One constructor per status whose problem is nothing but the status and a detail:
/// `name => Status;` makes `pub fn name(detail) -> Problem`.
macro_rules! detail_constructors {
    ($($(#[$doc:meta])* $name:ident => $status:ident;)+) => {$(
        $(#[$doc])*
        pub fn $name(detail: impl Into<String>) -> Self {
            Self::new(ProblemStatus::$status, detail)
        }
    )+};
}

impl Problem {
    /// A problem with the status's title and the given detail.
    pub fn new(status: ProblemStatus, detail: impl Into<String>) -> Self {
        Self {
            status,
            title: status.title().to_owned(),
            detail: detail.into(),
            errors: Vec::new(),
            retry_after_secs: None,
            cause: None,
        }
    }

    detail_constructors! {
        /// 400 Bad Request.
        bad_request => BadRequest;
        /// 401 Unauthorized.
        unauthorized => Unauthorized;
        /// 402 Payment Required: the payment was declined.
        payment_required => PaymentRequired;
        /// 403 Forbidden.
        forbidden => Forbidden;
        /// 404 Not Found.
        not_found => NotFound;
        /// 409 Conflict.
        conflict => Conflict;
        /// 413 Payload Too Large.
        payload_too_large => PayloadTooLarge;
    }

    /// 422 with the failing fields; the detail lists their names.
    pub fn validation(errors: Vec<FieldError>) -> Self {
        let detail = match errors.len() {
            0 => "The request failed validation.".to_owned(),
            count => {
                let noun = if count == 1 { "field" } else { "fields" };
                let names: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
                format!("{count} {noun} failed validation: {}.", names.join(", "))
            }
        };
        Self::new(ProblemStatus::Validation, detail).with_errors(errors)
    }

    /// 429 Too Many Requests, with when to retry.
    pub fn too_many_requests(detail: impl Into<String>, retry_after_secs: u32) -> Self {
        let mut problem = Self::new(ProblemStatus::TooManyRequests, detail);
        problem.retry_after_secs = Some(retry_after_secs);
        problem
    }

    /// 503 Service Unavailable, with when to retry if known.
    pub fn unavailable(detail: impl Into<String>, retry_after_secs: Option<u32>) -> Self {
        let mut problem = Self::new(ProblemStatus::Unavailable, detail);
        problem.retry_after_secs = retry_after_secs;
        problem
    }

    /// 500 with a generic detail; the cause is kept for the logs only.
    pub fn internal(cause: impl Into<Box<dyn Error + Send + Sync>>) -> Self {
        Self::new(ProblemStatus::Internal, "An unexpected error occurred.").with_cause(cause)
    }

    /// Replaces the failing fields.
    pub fn with_errors(mut self, errors: Vec<FieldError>) -> Self {
        self.errors = errors;
        self
    }

    /// Attaches an internal cause (say, the database error behind a 409), never serialized.
    pub fn with_cause(mut self, cause: impl Into<Box<dyn Error + Send + Sync>>) -> Self {
        self.cause = Some(Arc::from(cause.into()));
        self
    }

    /// The HTTP status code.
    pub fn code(&self) -> u16 {
        self.status.code()
    }

    /// The internal cause, for logging.
    pub fn cause(&self) -> Option<&(dyn Error + Send + Sync + 'static)> {
        self.cause.as_deref()
    }
}

impl fmt::Debug for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Problem")
            .field("status", &self.status)
            .field("title", &self.title)
            .field("detail", &self.detail)
            .field("errors", &self.errors)
            .field("retry_after_secs", &self.retry_after_secs)
            .field("cause", &self.cause)
            .finish()
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.title, self.detail)
    }
}

impl Error for Problem {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.cause
            .as_deref()
            .map(|cause| cause as &(dyn Error + 'static))
    }
}

/// Equal when everything a client can see is equal; the cause is not compared.
impl PartialEq for Problem {
    fn eq(&self, other: &Self) -> bool {
        self.status == other.status
            && self.title == other.title
            && self.detail == other.detail
            && self.errors == other.errors
            && self.retry_after_secs == other.retry_after_secs
    }
}

impl Eq for Problem {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_detail_names_the_fields() {
        let problem = Problem::validation(vec![
            FieldError::new("name", "Please enter your name."),
            FieldError::new("phone", "Too short."),
        ]);
        assert_eq!(problem.code(), 422);
        assert_eq!(problem.detail, "2 fields failed validation: name, phone.");
        assert_eq!(
            problem.to_string(),
            format!("Validation Failed: {}", problem.detail)
        );
    }

    #[test]
    fn internal_problems_hide_their_cause_but_keep_it() {
        let problem = Problem::internal("connection refused");
        assert_eq!(problem.detail, "An unexpected error occurred.");
        assert_eq!(
            problem.cause().map(ToString::to_string).as_deref(),
            Some("connection refused")
        );
        assert!(format!("{problem:?}").contains("connection refused"));
        assert!(!problem.to_string().contains("connection refused"));
    }

    #[test]
    fn equality_ignores_the_cause() {
        assert_eq!(Problem::internal("a"), Problem::internal("b"));
        assert_ne!(Problem::not_found("a"), Problem::not_found("b"));
    }
}
