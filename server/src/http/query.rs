//! `ApiQuery`: a query-string extractor whose every rejection is a problem naming the
//! parameter, like `ApiJson` for bodies: a value of the wrong type (`page=two`,
//! `status=lost`) or a missing required parameter answers 422 with the parameter's name.
//! Empty parameters (`?status=&page=`) count as absent, as HTML forms send them.

use crate::http::problem::ApiProblem;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use mediator::{FieldError, Problem};
use serde::de::DeserializeOwned;

/// The query string as a `T`.
pub(crate) struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiProblem;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parse(parts.uri.query().unwrap_or_default())
            .map(ApiQuery)
            .map_err(ApiProblem)
    }
}

/// Deserializes a query string, naming the parameter at fault.
pub(crate) fn parse<T: DeserializeOwned>(query: &str) -> Result<T, Problem> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query)
        .map_err(|_| Problem::bad_request("The query string is not URL-encoded."))?;
    let present: Vec<(String, String)> = pairs
        .into_iter()
        .filter(|(_, value)| !value.trim().is_empty())
        .collect();
    // Re-encoding what was just decoded cannot fail: it is a list of string pairs.
    let cleaned = serde_urlencoded::to_string(&present).unwrap_or_default();
    let deserializer =
        serde_urlencoded::Deserializer::new(form_urlencoded::parse(cleaned.as_bytes()));
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let message = error.inner().to_string();
        let field = match missing_field(&message) {
            Some(name) => name.to_owned(),
            None => error.path().to_string(),
        };
        Problem::validation(vec![FieldError::new(field, message)])
    })
}

/// For "missing field `from`", the path points at the whole query; the field is `from`.
fn missing_field(message: &str) -> Option<&str> {
    message.strip_prefix("missing field `")?.strip_suffix('`')
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::contracts::{GetRevenue, ListOrders, OrderStatus};

    fn fields(problem: &Problem) -> Vec<&str> {
        problem.errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn parameters_are_decoded_and_empty_ones_are_absent() {
        let query: ListOrders =
            parse("customer_phone=%2B39%2006%20555-1234&status=&page=2&page_size=").unwrap();
        assert_eq!(query.customer_phone.as_deref(), Some("+39 06 555-1234"));
        assert_eq!((query.status, query.page, query.page_size), (None, 2, 20));
        let query: ListOrders = parse("status=cooking").unwrap();
        assert_eq!(query.status, Some(OrderStatus::Cooking));
    }

    #[test]
    fn a_value_of_the_wrong_type_is_a_422_naming_its_parameter() {
        for (raw, field) in [
            ("page=two", "page"),
            ("page=-1", "page"),
            ("status=lost", "status"),
        ] {
            let problem = parse::<ListOrders>(raw).unwrap_err();
            assert_eq!(
                (problem.code(), fields(&problem)),
                (422, vec![field]),
                "{raw}"
            );
        }
    }

    #[test]
    fn a_missing_required_parameter_is_named() {
        let problem = parse::<GetRevenue>("to=2026-01-01").unwrap_err();
        assert_eq!(fields(&problem), ["from"]);
    }
}
