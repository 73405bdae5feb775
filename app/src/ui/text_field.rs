//! `TextField`: a labelled text input (or textarea) whose server-side error, when the
//! last answer named its field, shows below it and is linked for assistive technology.
//! The checkout and the account details use it.

use crate::contracts::MAX_TEXT_LEN;
use crate::error::AppError;
use leptos::either::Either;
use leptos::prelude::*;

/// The field `field` of form `form` (its id is `<form>-<field>`), holding `value`; its
/// error comes from `feedback`, the form's last failure.
#[component]
pub(crate) fn TextField(
    form: &'static str,
    label: &'static str,
    field: &'static str,
    value: RwSignal<String>,
    feedback: RwSignal<Option<AppError>>,
    autocomplete: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let id = format!("{form}-{field}");
    let error_id = format!("{id}-error");
    let message = Memo::new(move |_| {
        feedback.with(|failure| {
            failure
                .as_ref()
                .and_then(|error| error.field_message(field))
        })
    });
    let invalid = move || message.with(Option::is_some).then_some("true");
    let described_by = {
        let error_id = error_id.clone();
        move || message.with(Option::is_some).then(|| error_id.clone())
    };
    let on_input = move |ev| value.set(event_target_value(&ev));
    let max = MAX_TEXT_LEN.to_string();

    let control = if multiline {
        Either::Left(view! {
            <textarea id=id.clone() name=field rows="3" autocomplete=autocomplete maxlength=max
                prop:value=value on:input=on_input aria-invalid=invalid aria-describedby=described_by
            ></textarea>
        })
    } else {
        Either::Right(view! {
            <input id=id.clone() name=field type=kind autocomplete=autocomplete maxlength=max
                prop:value=value on:input=on_input aria-invalid=invalid aria-describedby=described_by
            />
        })
    };

    view! {
        <div class="field">
            <label for=id>{label}</label>
            {control}
            {move || message.get().map(|message| view! { <p class="field-error" id=error_id.clone()>{message}</p> })}
        </div>
    }
}
