//! Problems and statuses as a client sees them: HTTP codes, titles and JSON.

use mediator::{Done, FieldError, Problem, ProblemStatus, SuccessStatus};
use serde_json::json;

#[test]
fn every_problem_status_has_its_http_code_and_title() {
    let expected = [
        (Problem::bad_request("x"), 400, "Bad Request"),
        (Problem::unauthorized("x"), 401, "Unauthorized"),
        (Problem::forbidden("x"), 403, "Forbidden"),
        (Problem::not_found("x"), 404, "Not Found"),
        (Problem::conflict("x"), 409, "Conflict"),
        (Problem::payload_too_large("x"), 413, "Payload Too Large"),
        (Problem::validation(vec![]), 422, "Validation Failed"),
        (Problem::too_many_requests("x", 5), 429, "Too Many Requests"),
        (Problem::internal("x"), 500, "Internal Server Error"),
        (Problem::unavailable("x", None), 503, "Service Unavailable"),
    ];
    for (problem, code, title) in expected {
        assert_eq!((problem.code(), problem.title.as_str()), (code, title));
        assert_eq!(ProblemStatus::from_code(code), Some(problem.status));
    }
}

#[test]
fn success_statuses_have_their_http_codes() {
    let codes = [
        Done::ok(()),
        Done::created(()),
        Done::accepted(()),
        Done::no_content(()),
    ]
    .map(|done| done.code());
    assert_eq!(codes, [200, 201, 202, 204]);
}

#[test]
fn a_problem_survives_a_json_round_trip_without_its_cause() {
    let problem = Problem::internal("password=hunter2 in the connection string");

    let text = serde_json::to_string(&problem).unwrap();
    let back: Problem = serde_json::from_str(&text).unwrap();

    assert!(!text.contains("hunter2"), "{text}");
    assert_eq!(back, problem);
    assert!(back.cause().is_none());
}

#[test]
fn problems_serialize_as_problem_json_and_omit_empty_fields() {
    let plain = serde_json::to_value(Problem::not_found("No such order.")).unwrap();
    let invalid = Problem::validation(vec![FieldError::new("phone", "Too short.")]);

    assert_eq!(
        plain,
        json!({ "status": 404, "title": "Not Found", "detail": "No such order." })
    );
    assert_eq!(
        serde_json::to_value(&invalid).unwrap(),
        json!({
            "status": 422,
            "title": "Validation Failed",
            "detail": "1 field failed validation: phone.",
            "errors": [{ "field": "phone", "message": "Too short." }],
        })
    );
    let limited = serde_json::to_value(Problem::too_many_requests("Slow down.", 30)).unwrap();
    assert_eq!(limited["retry_after_secs"], 30);
}

#[test]
fn an_unknown_status_code_is_refused_when_deserializing() {
    let text = r#"{ "status": 418, "title": "I'm a teapot", "detail": "" }"#;

    let error = serde_json::from_str::<Problem>(text).unwrap_err();

    assert!(error.to_string().contains("418"), "{error}");
    assert!(serde_json::from_str::<SuccessStatus>("201").is_ok());
}
