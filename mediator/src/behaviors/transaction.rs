//! Unit of work: a command's writes and the events it records commit together or not
//! at all. [`Transactional`] begins a transaction before the command handler, hands it
//! over through the [`Context`], and commits only on success; the mediator publishes
//! the recorded events only after that commit.

use crate::event::error_chain;
use crate::{Answer, Behavior, Context, Next, Outcome, Problem, Request, RequestKind};

/// The storage side of a unit of work, implemented once by the application (for
/// instance over a database pool). Failures are [`Problem`]s, usually 500 or 503
/// with the driver error as their cause.
pub trait UnitOfWork: Send + Sync + 'static {
    /// An open transaction. Handlers reach it with
    /// [`Context::transaction`](crate::Context::transaction).
    type Tx: Send + 'static;

    /// Opens a transaction.
    fn begin(&self) -> impl Future<Output = Result<Self::Tx, Problem>> + Send;

    /// Makes the transaction's writes permanent.
    fn commit(&self, tx: Self::Tx) -> impl Future<Output = Result<(), Problem>> + Send;

    /// Discards the transaction's writes.
    fn rollback(&self, tx: Self::Tx) -> impl Future<Output = Result<(), Problem>> + Send;
}

/// Runs every command in a transaction of `U`: begin, the rest of the pipeline, then
/// commit on `Ok` or roll back on a problem. A failed commit answers its problem, so
/// the command's events are dropped; after a rollback they are discarded even if an
/// outer behavior turns the problem into a success. Queries pass straight through.
///
/// Put it innermost, right around the handlers, after [`Validation`](crate::Validation).
#[derive(Debug, Clone, Default)]
pub struct Transactional<U> {
    unit: U,
}

impl<U: UnitOfWork> Transactional<U> {
    /// Wraps commands in transactions of `unit`.
    pub fn new(unit: U) -> Self {
        Self { unit }
    }
}

impl<U: UnitOfWork> Transactional<U> {
    /// Opens a transaction of this unit for the request `ctx` carries, as the behavior
    /// does before a command. For a handler that must do something slow before it writes
    /// (ask another service) and so is wired outside the behavior (`Only::except`): it
    /// holds a transaction only for its writes, and hands the [`Begun`] back to
    /// [`end`](Self::end) with its outcome.
    pub async fn begin(&self, ctx: &mut Context) -> Result<Begun, Problem> {
        let events_before = ctx.pending_events();
        let tx = self.unit.begin().await?;
        ctx.begin_transaction(tx);
        Ok(Begun { events_before })
    }

    /// Ends what [`begin`](Self::begin) opened: commits on `Ok` or rolls back on a
    /// problem, and keeps the events recorded since only if the commit succeeded.
    /// `request` names the command in errors.
    pub async fn end<T>(
        &self,
        begun: Begun,
        ctx: &mut Context,
        request: &'static str,
        outcome: Outcome<T>,
    ) -> Outcome<T> {
        let Some(tx) = ctx.end_transaction::<U::Tx>() else {
            // Only this behavior ends a transaction, so a second `Transactional` of the
            // same unit ran inside this one and replaced it: a wiring mistake.
            ctx.truncate_events(begun.events_before);
            return Err(Problem::internal(LostTransaction(request)));
        };
        let result = match outcome {
            Ok(done) => self.unit.commit(tx).await.map(|()| done),
            Err(problem) => {
                if let Err(failure) = self.unit.rollback(tx).await {
                    log_failed_rollback(request, &failure);
                }
                Err(problem)
            }
        };
        if result.is_err() {
            ctx.truncate_events(begun.events_before);
        }
        result
    }
}

/// A transaction [`Transactional::begin`] opened, to be given to
/// [`Transactional::end`].
#[derive(Debug)]
#[must_use = "a transaction that is begun must be ended"]
pub struct Begun {
    events_before: usize,
}

impl<U: UnitOfWork> Behavior for Transactional<U> {
    async fn handle<R: Request>(&self, req: R, ctx: &mut Context, next: impl Next<R>) -> Answer<R> {
        if R::KIND != RequestKind::Command {
            return next.run(req, ctx).await;
        }
        let begun = self.begin(ctx).await?;
        let outcome = next.run(req, ctx).await;
        self.end(begun, ctx, R::name(), outcome).await
    }
}

// The command's own problem is what the caller needs; the rollback's is only logged.
#[cold]
fn log_failed_rollback(request: &'static str, failure: &Problem) {
    let cause = failure.cause().map(|cause| error_chain(cause));
    tracing::error!(request, detail = %failure.detail, cause, "rollback failed");
}

/// The hidden cause of a 500 when a command's transaction disappeared from its context.
#[derive(Debug)]
struct LostTransaction(&'static str);

impl std::fmt::Display for LostTransaction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the transaction of {} was ended by someone else", self.0)
    }
}

impl std::error::Error for LostTransaction {}
