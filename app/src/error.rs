//! The one error type server functions return. A mediator [`Problem`] becomes an
//! [`AppError`] in exactly one place (`From<Problem>`); the UI reads messages from here.

use mediator::Problem;
use serde::{Deserialize, Serialize};
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

/// What a server function call can fail with, as the UI sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The server answered with a problem (validation, not found, ...).
    #[error("{}", .0.detail)]
    Problem(Problem),
    /// The call never produced an answer (network down, malformed response).
    #[error("We could not reach the pizzeria. Please check your connection and try again.")]
    Transport(String),
}

impl AppError {
    /// The message for a field, when the server rejected that field.
    pub fn field_message(&self, field: &str) -> Option<String> {
        match self {
            AppError::Problem(problem) => problem
                .errors
                .iter()
                .find(|error| error.field == field)
                .map(|error| error.message.clone()),
            AppError::Transport(_) => None,
        }
    }

    /// The HTTP-like status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            AppError::Problem(problem) => Some(problem.code()),
            AppError::Transport(_) => None,
        }
    }
}

impl From<Problem> for AppError {
    fn from(problem: Problem) -> Self {
        AppError::Problem(problem)
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        #[cfg(feature = "ssr")]
        if let Some(problem) = request_problem(&value) {
            return crate::api::refuse(problem);
        }
        AppError::Transport(value.to_string())
    }
}

/// On the server, the errors that say the call itself was malformed (a body that is not
/// JSON or not this function's arguments, or one over the size limit): a 4xx problem that
/// names no internals, instead of a 500 quoting the decoder.
#[cfg(feature = "ssr")]
fn request_problem(error: &ServerFnErrorErr) -> Option<Problem> {
    match error {
        ServerFnErrorErr::Deserialization(detail) | ServerFnErrorErr::Args(detail)
            if detail.contains("length limit exceeded") =>
        {
            Some(Problem::payload_too_large(
                "The request body is larger than this server accepts.",
            ))
        }
        ServerFnErrorErr::Deserialization(_)
        | ServerFnErrorErr::Args(_)
        | ServerFnErrorErr::MissingArg(_) => Some(Problem::bad_request(
            "The request body is not a valid call of this function.",
        )),
        _ => None,
    }
}
