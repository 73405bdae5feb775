//! Test helpers for the contracts' rules.

use mediator::FieldError;

/// The names of the fields `checked` refused, in the order the rules reported them;
/// none when it passed.
pub(crate) fn failing_fields<T>(checked: Result<T, Vec<FieldError>>) -> Vec<String> {
    let errors = checked.err().unwrap_or_default();
    errors.into_iter().map(|error| error.field).collect()
}
