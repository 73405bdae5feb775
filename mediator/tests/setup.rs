//! `build` refuses a setup with duplicate or missing handlers, naming every culprit.

mod common;

use common::*;
use mediator::{BuildProblem, Catalog, Mediator};

#[test]
fn an_expected_type_without_a_handler_fails_the_build_naming_it() {
    let error = Mediator::builder()
        .handler::<GetMenu, _>(GetMenuHandler(Journal::default()))
        .expect::<GetOrder>()
        .build()
        .unwrap_err();

    assert_eq!(error.problems(), [BuildProblem::MissingHandler("GetOrder")]);
    assert!(
        error.to_string().contains("no handler for GetOrder"),
        "{error}"
    );
}

#[test]
fn a_second_handler_for_the_same_type_fails_the_build_naming_it() {
    let journal = Journal::default();
    let error = Mediator::builder()
        .handler::<PlaceOrder, _>(PlaceOrderHandler(journal.clone()))
        .handler::<PlaceOrder, _>(PlaceOrderHandler(journal.clone()))
        .handler::<PlaceOrder, _>(PlaceOrderHandler(journal))
        .build()
        .unwrap_err();

    assert_eq!(
        error.problems(),
        [BuildProblem::DuplicateHandler("PlaceOrder")]
    );
    assert!(
        error
            .to_string()
            .contains("duplicate handler for PlaceOrder"),
        "{error}"
    );
}

#[test]
fn all_setup_problems_are_reported_together() {
    let journal = Journal::default();
    let error = Mediator::builder()
        .expect::<GetOrder>()
        .handler::<PlaceOrder, _>(PlaceOrderHandler(journal.clone()))
        .handler::<PlaceOrder, _>(PlaceOrderHandler(journal))
        .build()
        .unwrap_err();

    let expected = [
        BuildProblem::DuplicateHandler("PlaceOrder"),
        BuildProblem::MissingHandler("GetOrder"),
    ];
    assert_eq!(error.problems(), expected);
    assert_eq!(
        error.to_string(),
        "invalid mediator setup: duplicate handler for PlaceOrder; no handler for GetOrder"
    );
}

#[test]
fn a_catalog_requires_a_handler_for_every_type_it_lists() {
    let catalog = Catalog::new()
        .expect::<GetMenu>()
        .expect::<GetOrder>()
        .expect::<GetMenu>();
    let journal = Journal::default();

    let error = Mediator::builder()
        .expect_all(catalog.clone())
        .handler::<GetMenu, _>(GetMenuHandler(journal.clone()))
        .build()
        .unwrap_err();
    let complete = Mediator::builder()
        .handler::<GetMenu, _>(GetMenuHandler(journal))
        .handler::<GetOrder, _>(GetMenuHandlerAsOrder)
        .expect_all(catalog.clone())
        .build();

    assert_eq!(catalog.names().collect::<Vec<_>>(), ["GetMenu", "GetOrder"]);
    assert_eq!(error.problems(), [BuildProblem::MissingHandler("GetOrder")]);
    assert!(complete.is_ok());
}

/// Answers `GetOrder`, so that a catalog listing it can be satisfied.
struct GetMenuHandlerAsOrder;

impl mediator::RequestHandler<GetOrder> for GetMenuHandlerAsOrder {
    async fn handle(&self, _: GetOrder, _: &mut mediator::Context) -> mediator::Outcome<u64> {
        Ok(mediator::Done::ok(1))
    }
}
