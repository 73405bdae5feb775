//! What went wrong with the last attempt to place the order, read by the form (per
//! field) and by the summary (per line). Client-side checks and the server's answer
//! share one shape, an [`AppError`], so both are shown the same way.

use crate::error::AppError;
use leptos::prelude::*;
use mediator::{FieldError, Problem};

/// The last failure, if any; `None` while nothing has failed or a new attempt started.
pub(super) type Feedback = RwSignal<Option<AppError>>;

/// Summary shown above the form when fields are marked: the per-field messages say what
/// to fix, so the API's technical detail (which lists field paths) is not repeated.
const CHECK_FIELDS: &str = "Please check the fields marked below.";

/// The failure the form shows when `PlaceOrder::validate` finds problems before sending:
/// the same field messages the server would give.
pub(super) fn invalid_before_sending(errors: Vec<FieldError>) -> AppError {
    AppError::Problem(Problem::validation(errors))
}

/// The sentence for the alert box: a friendly summary when fields are marked, otherwise
/// the server's own message.
pub(super) fn summary(error: &AppError) -> String {
    match error {
        AppError::Problem(problem) if !problem.errors.is_empty() => CHECK_FIELDS.to_owned(),
        other => other.to_string(),
    }
}

/// The message for one field, e.g. `customer_phone`.
pub(super) fn field_message(feedback: Feedback, field: &str) -> Option<String> {
    feedback.with(|failure| {
        failure
            .as_ref()
            .and_then(|error| error.field_message(field))
    })
}

/// Every message about order line `index` (`pizza_items[index].quantity`, ...).
pub(super) fn line_messages(feedback: Feedback, index: usize) -> Vec<String> {
    let prefix = format!("pizza_items[{index}]");
    feedback.with(|failure| match failure {
        Some(AppError::Problem(problem)) => problem
            .errors
            .iter()
            .filter(|error| error.field.starts_with(&prefix))
            .map(|error| error.message.clone())
            .collect(),
        _ => Vec::new(),
    })
}
