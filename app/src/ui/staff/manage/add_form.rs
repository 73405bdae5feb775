//! Adding a pizza: a button that opens the form, and the form for everything `AddPizza`
//! takes. The id follows the name until the manager types one of their own. The form
//! runs the contract's own checks before sending, as the checkout does, so the messages
//! beside the fields are the server's.

use super::editor::Editor;
use super::fields::{
    Feedback, Field, Toggle, checked, invalid, parse_price, parse_toppings, slug_of, summary,
};
use crate::api::add_pizza;
use crate::contracts::AddPizza;
use crate::ui::format::money;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use mediator::FieldError;
use rust_decimal::Decimal;

/// What the form holds, as typed.
#[derive(Debug, Clone)]
pub(super) struct NewPizza {
    pub name: String,
    pub id: String,
    pub category: String,
    pub price: String,
    pub minutes: String,
    pub description: String,
    pub toppings: String,
    pub seasonal: bool,
}

impl NewPizza {
    /// The command the form describes, or every error in it: those of the price and
    /// the minutes, which must parse first, and the contract's.
    pub(super) fn command(&self) -> Result<AddPizza, Vec<FieldError>> {
        let mut errors = Vec::new();
        let base_price = parse_price("base_price", &self.price).unwrap_or_else(|error| {
            errors.push(error);
            Decimal::ONE
        });
        let minutes_field = "preparation_time_minutes";
        let minutes = self.minutes.trim().parse::<u32>().unwrap_or_else(|_| {
            errors.push(FieldError::new(
                minutes_field,
                "Enter whole minutes, 1 to 120.",
            ));
            1
        });
        let command = AddPizza {
            id: self.id.trim().to_owned(),
            name: self.name.trim().to_owned(),
            description: self.description.trim().to_owned(),
            base_price,
            category: self.category.trim().to_owned(),
            available_toppings: parse_toppings(&self.toppings),
            preparation_time_minutes: minutes,
            is_seasonal: self.seasonal,
        };
        checked(command, errors)
    }
}

/// "Add a pizza", which opens (and closes) the form under it.
#[component]
pub(super) fn AddPizzaPanel(editor: Editor, categories: Signal<Vec<String>>) -> impl IntoView {
    let open = RwSignal::new(false);
    let form = move || {
        open.get()
            .then(|| view! { <AddPizzaForm editor categories open/> })
    };

    view! {
        <div class="add-pizza">
            <button type="button" class="button button-primary" aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|open| *open = !*open)>
                "Add a pizza"
            </button>
            {form}
        </div>
    }
}

/// The form itself; `open` turns false once the pizza is on the menu, or on cancel.
#[component]
fn AddPizzaForm(
    editor: Editor,
    categories: Signal<Vec<String>>,
    open: RwSignal<bool>,
) -> impl IntoView {
    let [name, id, category, price, minutes, description, toppings] =
        std::array::from_fn(|_| RwSignal::new(String::new()));
    minutes.set("12".to_owned());
    let seasonal = RwSignal::new(false);
    let feedback: Feedback = RwSignal::new(None);
    // The id follows the name for as long as it still is the name's slug.
    Effect::new(move |previous: Option<String>| {
        let slug = slug_of(&name.get());
        if previous.is_none_or(|previous| id.get_untracked() == previous) {
            id.set(slug.clone());
        }
        slug
    });

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let typed = NewPizza {
            name: name.get_untracked(),
            id: id.get_untracked(),
            category: category.get_untracked(),
            price: price.get_untracked(),
            minutes: minutes.get_untracked(),
            description: description.get_untracked(),
            toppings: toppings.get_untracked(),
            seasonal: seasonal.get_untracked(),
        };
        match typed.command() {
            Ok(command) => {
                feedback.set(None);
                let done = format!(
                    "{} is on the menu at {}.",
                    command.name,
                    money(command.base_price)
                );
                editor.focus.set(Some(command.id.clone()));
                editor.send(add_pizza(command), done, move |outcome| match outcome {
                    Ok(()) => open.set(false),
                    Err(error) => feedback.set(Some(error)),
                });
            }
            Err(errors) => feedback.set(Some(invalid(errors))),
        }
    };
    let options = move || {
        categories
            .get()
            .into_iter()
            .map(|category| view! { <option value=category></option> })
            .collect_view()
    };

    view! {
        <form class="card add-form" novalidate on:submit=submit aria-labelledby="add-pizza-heading">
            <h3 id="add-pizza-heading">"New pizza"</h3>
            {move || feedback.get().map(|error| view! { <p class="alert" role="alert">{summary(&error)}</p> })}
            <div class="edit-grid">
                <Field label="Name" field="name" id="add-name" value=name feedback/>
                <Field label="Id" field="id" id="add-id" value=id feedback
                    hint="Lowercase letters, digits and dashes; it cannot change later."/>
                <Field label="Category" field="category" id="add-category" value=category feedback
                    list="add-categories"/>
                <Field label="Price (medium)" field="base_price" id="add-price" value=price feedback
                    inputmode="decimal"/>
                <Field label="Preparation (minutes)" field="preparation_time_minutes" id="add-minutes"
                    value=minutes feedback inputmode="numeric"/>
                <Toggle name="is_seasonal" checked=seasonal label="Seasonal (offered for a season only)"/>
            </div>
            <datalist id="add-categories">{options}</datalist>
            <Field label="Description" field="description" id="add-description" value=description
                feedback multiline=true/>
            <Field label="Extra toppings" field="available_toppings" id="add-toppings" value=toppings
                feedback hint="Separated by commas, e.g. olives, basil."/>
            <div class="form-actions">
                <button type="submit" class="button button-primary" disabled=move || editor.busy.get()>
                    "Add to menu"
                </button>
                <button type="button" class="button button-quiet" on:click=move |_| open.set(false)>
                    "Cancel"
                </button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::testing::failing_fields;

    fn calzone() -> NewPizza {
        NewPizza {
            name: " Calzone ".into(),
            id: "calzone".into(),
            category: "Specialty".into(),
            price: "13.5".into(),
            minutes: "15".into(),
            description: "Folded.".into(),
            toppings: "olives, ricotta".into(),
            seasonal: true,
        }
    }

    #[test]
    fn a_complete_form_is_a_trimmed_command() {
        let command = calzone().command().unwrap();
        assert_eq!(command.name, "Calzone");
        assert_eq!(command.base_price, Decimal::new(135, 1));
        assert_eq!(command.preparation_time_minutes, 15);
        assert_eq!(command.available_toppings, ["olives", "ricotta"]);
        assert!(command.is_seasonal);
    }

    #[test]
    fn every_broken_field_is_named_at_once() {
        let typed = NewPizza {
            price: "cheap".into(),
            minutes: "a while".into(),
            name: String::new(),
            ..calzone()
        };
        let fields = failing_fields(typed.command());
        assert_eq!(fields, ["base_price", "preparation_time_minutes", "name"]);
    }
}
