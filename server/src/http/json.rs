//! `ApiJson`: a JSON body extractor whose every rejection is a problem naming the field.
//! Syntax errors answer 400; well-formed JSON of the wrong shape (missing field, wrong
//! type, unknown enum value, a field the type does not know) answers 422 with the path of
//! the offending field; a body over the limit answers 413.

use crate::http::problem::ApiProblem;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{StatusCode, header};
use mediator::{FieldError, Problem};
use serde::de::DeserializeOwned;

/// A JSON request body of type `T`.
pub(crate) struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiProblem;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !is_json(&request) {
            return Err(not_json().into());
        }
        let bytes = body(request, state).await?;
        parse(&bytes).map(ApiJson).map_err(ApiProblem)
    }
}

/// A JSON request body of type `T` that may be left out: no body at all is `None`; a
/// body is read as [`ApiJson`] reads it.
pub(crate) struct OptionalApiJson<T>(pub Option<T>);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for OptionalApiJson<T> {
    type Rejection = ApiProblem;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let json = is_json(&request);
        let bytes = body(request, state).await?;
        match (json, bytes.is_empty()) {
            (false, true) => Ok(OptionalApiJson(None)),
            (false, false) => Err(not_json().into()),
            (true, _) => parse(&bytes)
                .map(|value| OptionalApiJson(Some(value)))
                .map_err(ApiProblem),
        }
    }
}

fn is_json(request: &Request) -> bool {
    request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.trim_start().starts_with("application/json"))
}

fn not_json() -> Problem {
    Problem::bad_request("Send the body as JSON with Content-Type: application/json.")
}

async fn body<S: Send + Sync>(request: Request, state: &S) -> Result<Bytes, Problem> {
    Bytes::from_request(request, state)
        .await
        .map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                Problem::payload_too_large("The request body is larger than 64 KiB.")
            } else {
                Problem::bad_request("The request body could not be read.")
            }
        })
}

/// Deserializes `bytes`, naming the field at fault when the shape is wrong.
pub(crate) fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Problem> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(to_problem)?;
    deserializer.end().map_err(|_| {
        Problem::bad_request("The body has trailing characters after the JSON value.")
    })?;
    Ok(value)
}

fn to_problem(error: serde_path_to_error::Error<serde_json::Error>) -> Problem {
    let inner = error.inner();
    if inner.is_syntax() || inner.is_eof() {
        return Problem::bad_request(format!("The body is not valid JSON: {inner}."));
    }
    let path = error.path().to_string();
    let message = strip_position(&inner.to_string());
    let field = match missing_field(&message) {
        Some(name) if path == "." => name.to_owned(),
        Some(name) => format!("{path}.{name}"),
        None => path,
    };
    Problem::validation(vec![FieldError::new(field, message)])
}

/// serde_json appends " at line L column C"; the field path says where already.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(index) => message[..index].to_owned(),
        None => message.to_owned(),
    }
}

/// For "missing field `name`", the path points at the parent object; the field is `name`.
/// (For an unknown field the path already ends with its name.)
fn missing_field(message: &str) -> Option<&str> {
    message.strip_prefix("missing field `")?.strip_suffix('`')
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::contracts::PlaceOrder;

    fn fields(problem: &Problem) -> Vec<&str> {
        problem
            .errors
            .iter()
            .map(|error| error.field.as_str())
            .collect()
    }

    #[test]
    fn malformed_json_is_a_bad_request() {
        let problem = parse::<PlaceOrder>(b"{\"customer_name\": ").unwrap_err();
        assert_eq!(problem.code(), 400);
    }

    #[test]
    fn a_missing_field_is_named() {
        let problem = parse::<PlaceOrder>(br#"{"customer_name": "A"}"#).unwrap_err();
        assert_eq!(
            (problem.code(), fields(&problem)),
            (422, vec!["customer_phone"])
        );
    }

    #[test]
    fn an_unknown_field_is_refused_and_named_by_path() {
        let body = br#"{"customer_name":"A","customer_phone":"5551234","customer_address":"B",
            "payment_method":"cash","pizza_items":[{"pizza_id":"margherita","size":"small",
            "price":"0.01"}]}"#;
        let problem = parse::<PlaceOrder>(body).unwrap_err();
        assert_eq!(
            (problem.code(), fields(&problem)),
            (422, vec!["pizza_items[0].price"])
        );
        let body = br#"{"customer_name":"A","customer_phone":"5551234","customer_address":"B",
            "payment_method":"cash","pizza_items":[],"discount":"100"}"#;
        let problem = parse::<PlaceOrder>(body).unwrap_err();
        assert_eq!(fields(&problem), ["discount"]);
        assert!(
            problem.errors[0].message.contains("unknown field"),
            "{problem:?}"
        );
    }

    #[test]
    fn a_wrong_type_deep_in_the_body_is_named_by_path() {
        let body = br#"{"customer_name":"A","customer_phone":"5551234","customer_address":"B",
            "payment_method":"cash","pizza_items":[{"pizza_id":"margherita","size":"huge"}]}"#;
        let problem = parse::<PlaceOrder>(body).unwrap_err();
        assert_eq!(fields(&problem), ["pizza_items[0].size"]);
        assert!(problem.errors[0].message.contains("huge"), "{problem:?}");
    }
}
