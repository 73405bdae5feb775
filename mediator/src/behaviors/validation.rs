//! [`Validation`]: refuses a request that breaks its own rules
//! ([`Request::validate`]) with one 422 listing every failing field, before any inner
//! behavior or the handler runs.

use crate::{Behavior, Context, Handled, Next, Problem, Request};

/// Answers [`Problem::validation`] with all of a request's field errors instead of
/// running the rest of the pipeline. Requests without rules pass at no cost: the
/// default `validate` inlines to nothing.
///
/// Put it outside [`Transactional`](crate::Transactional), so invalid commands never
/// open a transaction.
#[derive(Debug, Clone, Copy, Default)]
pub struct Validation;

impl Behavior for Validation {
    fn handle<R: Request>(&self, req: R, ctx: &mut Context, next: impl Next<R>) -> impl Handled<R> {
        let verdict = req.validate();
        async move {
            match verdict {
                Ok(()) => next.run(req, ctx).await,
                Err(errors) => Err(Problem::validation(errors)),
            }
        }
    }
}
