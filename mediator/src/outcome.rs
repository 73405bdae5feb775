//! What a `send` answers: [`Outcome`], a [`Done`] value with its success status or a
//! [`Problem`](crate::Problem). Handlers build them; the server maps them to HTTP once.

use crate::{Problem, Request, SuccessStatus};
use serde::{Deserialize, Serialize};

/// The result of every request: a value with its success status, or a problem.
pub type Outcome<T> = Result<Done<T>, Problem>;

/// What sending `R` answers, named so that signatures generic over `R` stay short.
pub type Answer<R> = Outcome<<R as Request>::Response>;

/// A sendable future of an [`Answer`]: what handlers, behaviors and [`Next`](crate::Next)
/// return. Every such future implements it.
pub trait Handled<R: Request>: Future<Output = Answer<R>> + Send {}

impl<R: Request, F: Future<Output = Answer<R>> + Send> Handled<R> for F {}

/// A successful answer and how it succeeded (200, 201, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Done<T> {
    /// How the request succeeded.
    pub status: SuccessStatus,
    /// The answer.
    pub value: T,
}

impl<T> Done<T> {
    /// 200 OK.
    pub fn ok(value: T) -> Self {
        Self {
            status: SuccessStatus::Ok,
            value,
        }
    }

    /// 201 Created.
    pub fn created(value: T) -> Self {
        Self {
            status: SuccessStatus::Created,
            value,
        }
    }

    /// 202 Accepted.
    pub fn accepted(value: T) -> Self {
        Self {
            status: SuccessStatus::Accepted,
            value,
        }
    }

    /// 204 No Content; the value is usually `()`.
    pub fn no_content(value: T) -> Self {
        Self {
            status: SuccessStatus::NoContent,
            value,
        }
    }

    /// Transforms the value, keeping the status.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Done<U> {
        Done {
            status: self.status,
            value: f(self.value),
        }
    }

    /// The HTTP status code.
    pub fn code(&self) -> u16 {
        self.status.code()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_keeps_the_status() {
        let done = Done::created(20).map(|n| n + 1);
        assert_eq!(
            done,
            Done {
                status: SuccessStatus::Created,
                value: 21
            }
        );
        assert_eq!(done.code(), 201);
    }
}
