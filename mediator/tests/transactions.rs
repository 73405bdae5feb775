//! The `Transactional` behavior: a command's writes and its events commit together;
//! a problem, a failed commit or a failed begin leaves no row and publishes nothing;
//! events reach their handlers only after the commit.

mod common;

use common::Journal;
use mediator::{
    Answer, Behavior, Context, Done, Event, EventError, EventHandler, FieldError, Mediator,
};
use mediator::{Next, Outcome, Problem, Request, RequestHandler, RequestKind, Transactional};
use mediator::{UnitOfWork, Validation};
use std::any::Any;
use std::sync::{Arc, Mutex};

/// The committed rows of a pretend database.
#[derive(Clone, Default)]
struct Rows(Arc<Mutex<Vec<String>>>);

impl Rows {
    fn all(&self) -> Vec<String> {
        self.0.lock().unwrap().clone()
    }
}

/// Rows written inside a transaction, visible to nobody until committed.
struct PendingRows(Vec<String>);

/// A unit of work over `Rows` that journals what it does and can be told to fail.
#[derive(Clone, Default)]
struct FakeDb {
    rows: Rows,
    journal: Journal,
    refuse_begin: bool,
    refuse_commit: bool,
}

impl UnitOfWork for FakeDb {
    type Tx = PendingRows;

    async fn begin(&self) -> Result<PendingRows, Problem> {
        self.journal.write("begin");
        if self.refuse_begin {
            return Err(Problem::unavailable("Database is down.", Some(5)));
        }
        Ok(PendingRows(Vec::new()))
    }

    async fn commit(&self, tx: PendingRows) -> Result<(), Problem> {
        if self.refuse_commit {
            self.journal.write("commit failed");
            return Err(Problem::internal("serialization failure"));
        }
        self.rows.0.lock().unwrap().extend(tx.0);
        self.journal.write("commit");
        Ok(())
    }

    async fn rollback(&self, _tx: PendingRows) -> Result<(), Problem> {
        self.journal.write("rollback");
        Ok(())
    }
}

struct SaveOrder {
    id: u64,
    accept: bool,
}

impl Request for SaveOrder {
    type Response = u64;
    const KIND: RequestKind = RequestKind::Command;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        match self.id {
            0 => Err(vec![FieldError::new("id", "Must not be zero.")]),
            _ => Ok(()),
        }
    }
}

struct CountOrders;

impl Request for CountOrders {
    type Response = usize;
    const KIND: RequestKind = RequestKind::Query;
}

#[derive(Clone)]
struct OrderSaved(u64);

impl Event for OrderSaved {}

/// Writes the order through the context's transaction and records `OrderSaved`,
/// then refuses when the order is not accepted.
struct SaveOrderHandler(Journal);

impl RequestHandler<SaveOrder> for SaveOrderHandler {
    async fn handle(&self, command: SaveOrder, ctx: &mut Context) -> Outcome<u64> {
        let Some(tx) = ctx.transaction::<PendingRows>() else {
            return Err(Problem::internal("no transaction"));
        };
        tx.0.push(format!("order {}", command.id));
        ctx.record(OrderSaved(command.id));
        self.0.write("handled");
        if !command.accept {
            return Err(Problem::conflict("Kitchen is full."));
        }
        Ok(Done::created(command.id))
    }
}

struct CountOrdersHandler(Rows, Journal);

impl RequestHandler<CountOrders> for CountOrdersHandler {
    async fn handle(&self, _query: CountOrders, ctx: &mut Context) -> Outcome<usize> {
        let in_tx = ctx.transaction::<PendingRows>().is_some();
        self.1.write(format!("counted, in a transaction: {in_tx}"));
        Ok(Done::ok(self.0.all().len()))
    }
}

/// Writes what the committed rows were when the event arrived.
struct ReadBack(Rows, Journal);

impl EventHandler<OrderSaved> for ReadBack {
    async fn handle(&self, event: &OrderSaved) -> Result<(), EventError> {
        let rows = self.0.all();
        self.1.write(format!("event {} saw {rows:?}", event.0));
        Ok(())
    }
}

fn shop(db: &FakeDb) -> Mediator {
    Mediator::builder()
        .behavior(Validation)
        .behavior(Transactional::new(db.clone()))
        .handler::<SaveOrder, _>(SaveOrderHandler(db.journal.clone()))
        .handler::<CountOrders, _>(CountOrdersHandler(db.rows.clone(), db.journal.clone()))
        .event_handler::<OrderSaved, _>(ReadBack(db.rows.clone(), db.journal.clone()))
        .build()
        .unwrap()
}

fn order(id: u64, accept: bool) -> SaveOrder {
    SaveOrder { id, accept }
}

#[tokio::test]
async fn a_successful_command_commits_its_rows_before_its_events_are_delivered() {
    let db = FakeDb::default();

    let done = shop(&db).send(order(7, true)).await.unwrap();

    assert_eq!(done.value, 7);
    assert_eq!(db.rows.all(), ["order 7"]);
    let expected = ["begin", "handled", "commit", r#"event 7 saw ["order 7"]"#];
    assert_eq!(db.journal.lines(), expected);
}

#[tokio::test]
async fn a_command_answering_a_problem_is_rolled_back_and_leaves_no_row_and_no_event() {
    let db = FakeDb::default();

    let problem = shop(&db).send(order(7, false)).await.unwrap_err();

    assert_eq!(problem.code(), 409);
    assert!(db.rows.all().is_empty());
    assert_eq!(db.journal.lines(), ["begin", "handled", "rollback"]);
}

#[tokio::test]
async fn a_failed_commit_answers_its_problem_and_publishes_no_event() {
    let db = FakeDb {
        refuse_commit: true,
        ..FakeDb::default()
    };

    let problem = shop(&db).send(order(7, true)).await.unwrap_err();

    assert_eq!(problem.code(), 500);
    assert!(db.rows.all().is_empty());
    assert_eq!(db.journal.lines(), ["begin", "handled", "commit failed"]);
}

#[tokio::test]
async fn a_failed_begin_keeps_the_handler_from_running() {
    let db = FakeDb {
        refuse_begin: true,
        ..FakeDb::default()
    };

    let problem = shop(&db).send(order(7, true)).await.unwrap_err();

    assert_eq!((problem.code(), problem.retry_after_secs), (503, Some(5)));
    assert_eq!(db.journal.lines(), ["begin"]);
}

#[tokio::test]
async fn an_invalid_command_never_opens_a_transaction() {
    let db = FakeDb::default();

    let problem = shop(&db).send(order(0, true)).await.unwrap_err();

    assert_eq!(problem.code(), 422);
    assert!(db.journal.lines().is_empty());
}

#[tokio::test]
async fn queries_run_without_a_transaction() {
    let db = FakeDb::default();

    let count = shop(&db).send(CountOrders).await.unwrap();

    assert_eq!(count.value, 0);
    assert_eq!(db.journal.lines(), ["counted, in a transaction: false"]);
}

/// Turns any failure of `SaveOrder` into a success answering 0, as a careless
/// retry-or-default layer might.
struct AnswerZeroOnFailure;

impl Behavior for AnswerZeroOnFailure {
    async fn handle<R: Request>(&self, req: R, ctx: &mut Context, next: impl Next<R>) -> Answer<R> {
        let outcome = next.run(req, ctx).await;
        let zero: Box<dyn Any> = Box::new(0_u64);
        match (outcome, zero.downcast::<R::Response>()) {
            (Err(_), Ok(zero)) => Ok(Done::ok(*zero)),
            (outcome, _) => outcome,
        }
    }
}

#[tokio::test]
async fn events_of_a_rolled_back_command_stay_unpublished_even_if_an_outer_behavior_recovers() {
    let db = FakeDb::default();
    let mediator = Mediator::builder()
        .behavior(AnswerZeroOnFailure)
        .behavior(Transactional::new(db.clone()))
        .handler::<SaveOrder, _>(SaveOrderHandler(db.journal.clone()))
        .event_handler::<OrderSaved, _>(ReadBack(db.rows.clone(), db.journal.clone()))
        .build()
        .unwrap();

    let done = mediator.send(order(7, false)).await.unwrap();

    assert_eq!(done.value, 0);
    assert_eq!(db.journal.lines(), ["begin", "handled", "rollback"]);
}

/// Asks "the bank" before it opens its own transaction, then writes as `SaveOrder` does:
/// wired outside `Transactional` with `Only::except`.
struct PayThenSaveHandler(FakeDb);

impl RequestHandler<SaveOrder> for PayThenSaveHandler {
    async fn handle(&self, command: SaveOrder, ctx: &mut Context) -> Outcome<u64> {
        let in_tx = ctx.transaction::<PendingRows>().is_some();
        self.0
            .journal
            .write(format!("paid, in a transaction: {in_tx}"));
        let unit = Transactional::new(self.0.clone());
        let begun = unit.begin(ctx).await?;
        let outcome = SaveOrderHandler(self.0.journal.clone())
            .handle(command, ctx)
            .await;
        unit.end(begun, ctx, "SaveOrder", outcome).await
    }
}

fn paying_shop(db: &FakeDb) -> Mediator {
    Mediator::builder()
        .behavior(mediator::Only::except::<(SaveOrder,)>(Transactional::new(
            db.clone(),
        )))
        .handler::<SaveOrder, _>(PayThenSaveHandler(db.clone()))
        .event_handler::<OrderSaved, _>(ReadBack(db.rows.clone(), db.journal.clone()))
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_handler_can_do_slow_work_first_and_then_commit_like_the_behavior() {
    let db = FakeDb::default();

    let done = paying_shop(&db).send(order(7, true)).await.unwrap();

    assert_eq!(done.value, 7);
    let expected = [
        "paid, in a transaction: false",
        "begin",
        "handled",
        "commit",
        r#"event 7 saw ["order 7"]"#,
    ];
    assert_eq!(db.journal.lines(), expected);
}

#[tokio::test]
async fn a_handler_ending_its_own_transaction_with_a_problem_publishes_nothing() {
    let db = FakeDb::default();

    let problem = paying_shop(&db).send(order(7, false)).await.unwrap_err();

    assert_eq!(problem.code(), 409);
    assert!(db.rows.all().is_empty());
    let expected = [
        "paid, in a transaction: false",
        "begin",
        "handled",
        "rollback",
    ];
    assert_eq!(db.journal.lines(), expected);
}
