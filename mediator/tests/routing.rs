//! Requests reach their own handler, with their own response type, through `send`.

mod common;

use common::*;
use mediator::{Context, Done, Mediator, Outcome, Request, RequestHandler, RequestKind};
use tokio::task::JoinHandle;

fn mediator(journal: &Journal) -> Mediator {
    Mediator::builder()
        .handler::<PlaceOrder, _>(PlaceOrderHandler(journal.clone()))
        .handler::<GetMenu, _>(GetMenuHandler(journal.clone()))
        .build()
        .expect("a valid setup")
}

#[tokio::test]
async fn each_request_reaches_its_own_handler_with_its_typed_response() {
    let journal = Journal::default();
    let mediator = mediator(&journal);

    let placed: Done<u64> = mediator.send(PlaceOrder { quantity: 1 }).await.unwrap();
    let menu: Done<Vec<&str>> = mediator.send(GetMenu).await.unwrap();

    assert_eq!((placed.code(), placed.value), (201, 42));
    assert_eq!(
        (menu.code(), menu.value),
        (200, vec!["margherita", "marinara"])
    );
    assert_eq!(journal.lines(), ["PlaceOrder handled", "GetMenu handled"]);
}

#[tokio::test]
async fn sending_a_type_without_a_handler_answers_a_500_naming_it() {
    let mediator = mediator(&Journal::default());

    let problem = mediator.send(GetOrder).await.unwrap_err();

    assert_eq!(problem.code(), 500);
    let cause = problem.cause().map(ToString::to_string).unwrap_or_default();
    assert!(cause.contains("GetOrder"), "cause: {cause}");
    assert!(
        !problem.detail.contains("GetOrder"),
        "the type is for logs, not clients"
    );
}

struct Caller(&'static str);

struct WhoAmI;

impl Request for WhoAmI {
    type Response = String;
    const KIND: RequestKind = RequestKind::Query;
}

struct WhoAmIHandler;

impl RequestHandler<WhoAmI> for WhoAmIHandler {
    async fn handle(&self, _request: WhoAmI, ctx: &mut Context) -> Outcome<String> {
        let caller = ctx.get::<Caller>().map_or("anonymous", |caller| caller.0);
        Ok(Done::ok(caller.to_owned()))
    }
}

#[tokio::test]
async fn values_put_in_the_context_reach_the_handler() {
    let mediator = Mediator::builder()
        .handler::<WhoAmI, _>(WhoAmIHandler)
        .build()
        .unwrap();

    let named = mediator
        .send_with(WhoAmI, Context::new().with(Caller("luigi")))
        .await;
    let anonymous = mediator.send(WhoAmI).await;

    assert_eq!(named.unwrap().value, "luigi");
    assert_eq!(anonymous.unwrap().value, "anonymous");
}

/// The server dispatches generically, so `send` must be spawnable for any request type.
fn in_background<R: Request>(mediator: Mediator, request: R) -> JoinHandle<Outcome<R::Response>> {
    tokio::spawn(async move { mediator.send(request).await })
}

#[tokio::test]
async fn clones_share_the_handlers_and_can_be_sent_to_other_tasks() {
    let mediator = mediator(&Journal::default());

    let answer = in_background(mediator.clone(), GetMenu).await.unwrap();

    assert_eq!(answer.unwrap().value.len(), 2);
    assert!(mediator.has_handler::<GetMenu>());
    assert!(!mediator.has_handler::<GetOrder>());
}

#[test]
fn debug_lists_the_registered_requests_by_kind() {
    let text = format!("{:?}", mediator(&Journal::default()));

    assert!(text.contains(r#"commands: ["PlaceOrder"]"#), "{text}");
    assert!(text.contains(r#"queries: ["GetMenu"]"#), "{text}");
}
