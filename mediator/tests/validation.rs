//! The `Validation` behavior: a request that breaks its own rules is refused with one
//! 422 listing every broken rule, and its handler never runs.

mod common;

use common::*;
use mediator::{Context, Done, FieldError, Mediator, Outcome, Request, RequestHandler};
use mediator::{RequestKind, Validation};

/// A sign-up with two rules, to check that every broken rule is listed.
struct SignUp {
    name: String,
    phone: String,
}

impl Request for SignUp {
    type Response = ();
    const KIND: RequestKind = RequestKind::Command;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.name.trim().is_empty() {
            errors.push(FieldError::new("name", "Please enter your name."));
        }
        if self.phone.len() < 6 {
            errors.push(FieldError::new("phone", "Too short."));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

struct SignUpHandler(Journal);

impl RequestHandler<SignUp> for SignUpHandler {
    async fn handle(&self, request: SignUp, _ctx: &mut Context) -> Outcome<()> {
        self.0.write(format!("signed up {}", request.name));
        Ok(Done::created(()))
    }
}

fn validating(journal: &Journal) -> Mediator {
    Mediator::builder()
        .behavior(Validation)
        .handler::<SignUp, _>(SignUpHandler(journal.clone()))
        .handler::<GetMenu, _>(GetMenuHandler(journal.clone()))
        .build()
        .unwrap()
}

#[tokio::test]
async fn an_invalid_request_is_refused_with_422_listing_every_field_error() {
    let journal = Journal::default();
    let request = SignUp {
        name: " ".into(),
        phone: "12".into(),
    };

    let problem = validating(&journal).send(request).await.unwrap_err();

    assert_eq!(problem.code(), 422);
    let expected = [
        FieldError::new("name", "Please enter your name."),
        FieldError::new("phone", "Too short."),
    ];
    assert_eq!(problem.errors, expected);
    assert!(journal.lines().is_empty(), "the handler never saw it");
}

#[tokio::test]
async fn a_valid_request_reaches_its_handler() {
    let journal = Journal::default();
    let request = SignUp {
        name: "Ada".into(),
        phone: "0612345678".into(),
    };

    let done = validating(&journal).send(request).await.unwrap();

    assert_eq!(done.code(), 201);
    assert_eq!(journal.lines(), ["signed up Ada"]);
}

#[tokio::test]
async fn a_request_without_rules_always_passes() {
    let journal = Journal::default();

    let menu = validating(&journal).send(GetMenu).await;

    assert!(menu.is_ok());
    assert_eq!(journal.lines(), ["GetMenu handled"]);
}

#[tokio::test]
async fn without_the_behavior_rules_are_not_enforced() {
    let journal = Journal::default();
    let mediator = Mediator::builder()
        .handler::<SignUp, _>(SignUpHandler(journal.clone()))
        .build()
        .unwrap();
    let request = SignUp {
        name: "Bo".into(),
        phone: "1".into(),
    };

    assert!(mediator.send(request).await.is_ok());
    assert_eq!(journal.lines(), ["signed up Bo"]);
}
