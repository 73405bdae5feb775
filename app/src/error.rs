//! The one error type server functions return. A mediator [`Problem`] becomes an
//! [`AppError`] in exactly one place (`From<Problem>`); the UI reads messages from here.

use mediator::Problem;
use serde::{Deserialize, Serialize};
use server_fn::error::{FromServerFnError, ServerFnErrorErr};
use server_fn::{Bytes, ContentType, Decodes, Encodes, Format, FormatType};

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
    type Encoder = ProblemEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        #[cfg(feature = "ssr")]
        if let Some(problem) = request_problem(&value) {
            return crate::api::refuse(problem);
        }
        #[cfg(feature = "ssr")]
        tracing::error!(error = %value, "a server function failed outside its handler");
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

/// How an [`AppError`] travels from a server function to its caller: an RFC 9457
/// `application/problem+json` document, the shape every REST error has too. An error
/// that is not a problem (the server never makes one for a client) goes out as a
/// generic 500, so no internal text leaves the server.
pub struct ProblemEncoding;

impl ContentType for ProblemEncoding {
    const CONTENT_TYPE: &'static str = "application/problem+json";
}

impl FormatType for ProblemEncoding {
    const FORMAT_TYPE: Format = Format::Text;
}

/// A problem as RFC 9457 spells it: `type`, `title`, `status`, `detail`, and the failing
/// fields and the seconds to wait as extension members. The one body of every error the
/// server sends, REST (`server/src/http/problem.rs`) and server function alike; it reads
/// back as a [`Problem`].
#[derive(Serialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema), schema(as = Problem))]
pub struct ProblemDocument<'a> {
    /// Always `about:blank`: the status says what kind of problem it is.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The status's short title.
    pub title: &'a str,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong, in words a client may see.
    pub detail: &'a str,
    /// The failing fields of a validation problem.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub errors: &'a [mediator::FieldError],
    /// When to try again (also sent as `Retry-After`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after_secs: Option<u32>,
}

impl<'a> From<&'a Problem> for ProblemDocument<'a> {
    fn from(problem: &'a Problem) -> Self {
        Self {
            kind: "about:blank",
            title: &problem.title,
            status: problem.code(),
            detail: &problem.detail,
            errors: &problem.errors,
            retry_after_secs: problem.retry_after_secs,
        }
    }
}

impl Encodes<AppError> for ProblemEncoding {
    type Error = serde_json::Error;

    fn encode(error: &AppError) -> Result<Bytes, Self::Error> {
        let internal;
        let problem = match error {
            AppError::Problem(problem) => problem,
            AppError::Transport(_) => {
                internal = Problem::internal("a server function failed outside its handler");
                &internal
            }
        };
        serde_json::to_vec(&ProblemDocument::from(problem)).map(Bytes::from)
    }
}

impl Decodes<AppError> for ProblemEncoding {
    type Error = serde_json::Error;

    fn decode(bytes: Bytes) -> Result<AppError, Self::Error> {
        serde_json::from_slice::<Problem>(&bytes).map(AppError::Problem)
    }
}
