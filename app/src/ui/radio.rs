//! `radio`: one radio button of a `.choices` fieldset (a pizza's size, the way to pay)
//! with its label beside it.

use leptos::prelude::*;

/// The radio for `choice` in group `name`, sent as `value` and shown as `label`: checked
/// when `picked` holds `choice` at first; picking it sets `picked`.
pub(crate) fn radio<T>(
    name: String,
    choice: T,
    value: &'static str,
    label: &'static str,
    picked: RwSignal<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let checked = picked.get_untracked() == choice;
    view! {
        <label class="choice">
            <input
                type="radio"
                name=name
                value=value
                checked=checked
                on:change=move |_| picked.set(choice)
            />
            <span>{label}</span>
        </label>
    }
}
