//! HTTP-like statuses carried by an [`Outcome`](crate::Outcome): the handler picks one,
//! the server turns it into a real HTTP status, and the browser reads it back.
//! Both serialize as their numeric code (`404`), as problem+json expects.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How a request succeeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "u16", try_from = "u16")]
pub enum SuccessStatus {
    /// 200: the answer is in the value.
    Ok,
    /// 201: something new exists now.
    Created,
    /// 202: the work was queued and finishes later.
    Accepted,
    /// 204: done, nothing to answer.
    NoContent,
}

impl SuccessStatus {
    /// The HTTP status code.
    pub fn code(self) -> u16 {
        match self {
            Self::Ok => 200,
            Self::Created => 201,
            Self::Accepted => 202,
            Self::NoContent => 204,
        }
    }

    /// The status for an HTTP code, if it is one of ours.
    pub fn from_code(code: u16) -> Option<Self> {
        [Self::Ok, Self::Created, Self::Accepted, Self::NoContent]
            .into_iter()
            .find(|status| status.code() == code)
    }
}

/// Why a request failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "u16", try_from = "u16")]
pub enum ProblemStatus {
    /// 400: the request cannot be understood.
    BadRequest,
    /// 401: nobody is signed in.
    Unauthorized,
    /// 402: the payment was declined.
    PaymentRequired,
    /// 403: signed in, but not allowed.
    Forbidden,
    /// 404: the thing asked for does not exist.
    NotFound,
    /// 409: the request clashes with the current state.
    Conflict,
    /// 413: the request is too large.
    PayloadTooLarge,
    /// 422: well-formed, but some fields break the rules.
    Validation,
    /// 429: slow down; see `retry_after_secs`.
    TooManyRequests,
    /// 500: our fault; the details are logged, not shown.
    Internal,
    /// 503: temporarily unable to answer.
    Unavailable,
}

impl ProblemStatus {
    const ALL: [Self; 11] = [
        Self::BadRequest,
        Self::Unauthorized,
        Self::PaymentRequired,
        Self::Forbidden,
        Self::NotFound,
        Self::Conflict,
        Self::PayloadTooLarge,
        Self::Validation,
        Self::TooManyRequests,
        Self::Internal,
        Self::Unavailable,
    ];

    /// The HTTP status code.
    pub fn code(self) -> u16 {
        match self {
            Self::BadRequest => 400,
            Self::Unauthorized => 401,
            Self::PaymentRequired => 402,
            Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::Conflict => 409,
            Self::PayloadTooLarge => 413,
            Self::Validation => 422,
            Self::TooManyRequests => 429,
            Self::Internal => 500,
            Self::Unavailable => 503,
        }
    }

    /// The human title shown with a problem.
    pub fn title(self) -> &'static str {
        match self {
            Self::BadRequest => "Bad Request",
            Self::Unauthorized => "Unauthorized",
            Self::PaymentRequired => "Payment Required",
            Self::Forbidden => "Forbidden",
            Self::NotFound => "Not Found",
            Self::Conflict => "Conflict",
            Self::PayloadTooLarge => "Payload Too Large",
            Self::Validation => "Validation Failed",
            Self::TooManyRequests => "Too Many Requests",
            Self::Internal => "Internal Server Error",
            Self::Unavailable => "Service Unavailable",
        }
    }

    /// The status for an HTTP code, if it is one of ours.
    pub fn from_code(code: u16) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.code() == code)
    }
}

/// A numeric code that names none of our statuses (met when deserializing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownStatus(pub u16);

impl fmt::Display for UnknownStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown status code {}", self.0)
    }
}

impl std::error::Error for UnknownStatus {}

/// A status serializes as its numeric code: `u16` from the status, the status from a
/// `u16` that is one of its codes.
macro_rules! code_conversions {
    ($($status:ty),+) => {$(
        impl From<$status> for u16 {
            fn from(status: $status) -> Self {
                status.code()
            }
        }

        impl TryFrom<u16> for $status {
            type Error = UnknownStatus;

            fn try_from(code: u16) -> Result<Self, Self::Error> {
                Self::from_code(code).ok_or(UnknownStatus(code))
            }
        }
    )+};
}

code_conversions!(SuccessStatus, ProblemStatus);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_status_round_trips_through_its_code() {
        for status in ProblemStatus::ALL {
            assert_eq!(ProblemStatus::from_code(status.code()), Some(status));
        }
        assert_eq!(ProblemStatus::from_code(418), None);
    }

    #[test]
    fn success_codes_are_the_http_ones() {
        let codes = [
            SuccessStatus::Ok,
            SuccessStatus::Created,
            SuccessStatus::Accepted,
        ];
        assert_eq!(codes.map(SuccessStatus::code), [200, 201, 202]);
        assert_eq!(SuccessStatus::NoContent.code(), 204);
        assert_eq!(
            SuccessStatus::from_code(204),
            Some(SuccessStatus::NoContent)
        );
    }
}
