//! What the editor's forms share: the last failure of a form, labelled fields that show
//! the messages the server (or the contract's own check) gave for them, and how the
//! typed text becomes a price or a list of toppings.

use crate::error::AppError;
use leptos::either::Either;
use leptos::prelude::*;
use mediator::{FieldError, Problem, Request};
use rust_decimal::Decimal;
use std::str::FromStr;

/// The last failure of one form, if any.
pub(super) type Feedback = RwSignal<Option<AppError>>;

/// The failure a form shows when its own checks find problems before sending: the
/// same shape (and the same messages) as the server's 422.
pub(super) fn invalid(errors: Vec<FieldError>) -> AppError {
    AppError::Problem(Problem::validation(errors))
}

/// `command` when neither the form's own parsing (`errors`) nor the contract's rules
/// found anything wrong; otherwise every error, the parsing's first.
pub(super) fn checked<R: Request>(
    command: R,
    mut errors: Vec<FieldError>,
) -> Result<R, Vec<FieldError>> {
    if let Err(more) = command.validate() {
        errors.extend(more);
    }
    if errors.is_empty() {
        Ok(command)
    } else {
        Err(errors)
    }
}

/// The sentence for the alert above a form: the messages no field shows (the whole
/// body's, `"."`), a pointer to the marked fields, or the error itself.
pub(super) fn summary(error: &AppError) -> String {
    match error {
        AppError::Problem(problem) if !problem.errors.is_empty() => {
            let general: Vec<&str> = problem
                .errors
                .iter()
                .filter(|error| error.field == ".")
                .map(|error| error.message.as_str())
                .collect();
            if general.is_empty() {
                "Please check the fields marked below.".to_owned()
            } else {
                general.join(" ")
            }
        }
        other => other.to_string(),
    }
}

/// Every message about `field` and its items (`available_toppings[2]`).
pub(super) fn messages(error: Option<&AppError>, field: &str) -> Vec<String> {
    let Some(AppError::Problem(problem)) = error else {
        return Vec::new();
    };
    problem
        .errors
        .iter()
        .filter(|error| {
            error.field == field
                || error
                    .field
                    .strip_prefix(field)
                    .is_some_and(|rest| rest.starts_with('['))
        })
        .map(|error| error.message.clone())
        .collect()
}

/// The price as typed (`12.50`, `12,50`, `$12.50`), or the error for `field`.
pub(super) fn parse_price(field: &str, text: &str) -> Result<Decimal, FieldError> {
    let text = text.trim().trim_start_matches(['$', '€']).trim();
    Decimal::from_str(&text.replace(',', "."))
        .map_err(|_| FieldError::new(field, "Enter a price such as 12.50."))
}

/// Toppings typed as a comma-separated list, each trimmed, blanks left out.
pub(super) fn parse_toppings(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|topping| !topping.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A pizza id made from its name: `Quattro Formaggi!` → `quattro-formaggi`.
pub(super) fn slug_of(name: &str) -> String {
    let mut slug = String::new();
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.truncate(40);
    slug.trim_end_matches('-').to_owned()
}

/// A labelled input (or textarea), its hint and its messages, linked for assistive
/// technology. `id` must be unique on the page.
#[component]
pub(super) fn Field(
    label: &'static str,
    /// The contract's field name, as the server's messages name it.
    field: &'static str,
    #[prop(into)] id: String,
    value: RwSignal<String>,
    feedback: Feedback,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] list: Option<&'static str>,
    /// A password: typed unseen, never filled in by the browser's memory of others.
    #[prop(optional)]
    secret: bool,
) -> impl IntoView {
    let errors = Memo::new(move |_| feedback.with(|error| messages(error.as_ref(), field)));
    let invalid = move || errors.with(|errors| !errors.is_empty()).then_some("true");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if errors.with(|errors| !errors.is_empty()) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let on_input = move |ev| value.set(event_target_value(&ev));
    let control = if multiline {
        Either::Left(view! {
            <textarea id=id.clone() name=field rows="3" prop:value=value on:input=on_input
                aria-invalid=invalid aria-describedby=described_by></textarea>
        })
    } else {
        Either::Right(view! {
            <input id=id.clone() name=field type=if secret { "password" } else { "text" }
                autocomplete=secret.then_some("new-password") inputmode=inputmode list=list
                prop:value=value on:input=on_input aria-invalid=invalid aria-describedby=described_by/>
        })
    };

    view! {
        <div class="field">
            <label for=id>{label}</label>
            {control}
            {hint.map(|hint| view! { <p class="field-hint" id=hint_id>{hint}</p> })}
            {move || {
                let errors = errors.get();
                (!errors.is_empty()).then(|| view! {
                    <p class="field-error" id=error_id.clone()>{errors.join(" ")}</p>
                })
            }}
        </div>
    }
}

/// A labelled checkbox bound to `checked`.
#[component]
pub(super) fn Toggle(
    name: &'static str,
    checked: RwSignal<bool>,
    label: &'static str,
) -> impl IntoView {
    view! {
        <label class="toggle">
            <input type="checkbox" name=name prop:checked=checked
                on:change=move |ev| checked.set(event_target_checked(&ev))/>
            <span>{label}</span>
        </label>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(fields: &[&str]) -> AppError {
        invalid(
            fields
                .iter()
                .map(|f| FieldError::new(*f, format!("bad {f}")))
                .collect(),
        )
    }

    #[test]
    fn a_field_collects_its_own_messages_and_those_of_its_items() {
        let error = problem(&["available_toppings", "available_toppings[1]", "base_price"]);
        assert_eq!(
            messages(Some(&error), "available_toppings"),
            ["bad available_toppings", "bad available_toppings[1]"]
        );
        assert_eq!(messages(Some(&error), "base_price"), ["bad base_price"]);
        assert!(messages(Some(&error), "base").is_empty());
        assert!(messages(None, "base_price").is_empty());
    }

    #[test]
    fn the_summary_repeats_only_what_no_field_shows() {
        assert_eq!(
            summary(&problem(&["base_price"])),
            "Please check the fields marked below."
        );
        assert_eq!(summary(&problem(&[".", "base_price"])), "bad .");
    }

    #[test]
    fn prices_may_be_typed_with_a_comma_or_a_currency_sign() {
        let cents = |text| parse_price("base_price", text).map(|p| p.to_string());
        assert_eq!(cents("12.50"), Ok("12.50".into()));
        assert_eq!(cents(" $9,9 "), Ok("9.9".into()));
        assert_eq!(cents("€7"), Ok("7".into()));
        let error = parse_price("base_price", "twelve").unwrap_err();
        assert_eq!(error.field, "base_price");
    }

    #[test]
    fn toppings_are_a_trimmed_comma_separated_list() {
        assert_eq!(parse_toppings(" olives, ,basil ,"), ["olives", "basil"]);
        assert!(parse_toppings("  ").is_empty());
    }

    #[test]
    fn ids_are_made_of_the_name_in_lowercase_with_dashes() {
        assert_eq!(slug_of("Quattro Formaggi!"), "quattro-formaggi");
        assert_eq!(slug_of("  Mario's  Special 2 "), "mario-s-special-2");
        assert_eq!(slug_of("Crème brûlée"), "cr-me-br-l-e");
        assert_eq!(slug_of(&"a".repeat(50)).len(), 40);
    }
}
