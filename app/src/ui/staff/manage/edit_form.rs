//! The form that changes one pizza: its name, price, whether customers see it, whether
//! it is seasonal, its description and its extra toppings (what `UpdatePizza` can change). Only the fields that differ
//! from the pizza are sent, and the toast then says what changed, in words.

use super::editor::Editor;
use super::fields::{Feedback, Field, Toggle, invalid, parse_price, parse_toppings, summary};
use crate::api::update_pizza;
use crate::contracts::{EditablePizza, UpdatePizza};
use crate::ui::format::money;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use mediator::{FieldError, Request as _};

/// What the form holds, as typed.
#[derive(Debug, Clone)]
pub(super) struct Draft {
    pub name: String,
    pub price: String,
    pub description: String,
    pub toppings: String,
    pub available: bool,
    pub seasonal: bool,
}

impl Draft {
    /// The form as it opens: the pizza as it is.
    pub(super) fn of(pizza: &EditablePizza) -> Self {
        Self {
            name: pizza.name.clone(),
            price: pizza.base_price.to_string(),
            description: pizza.description.clone(),
            toppings: pizza.available_toppings.join(", "),
            available: pizza.available,
            seasonal: pizza.is_seasonal,
        }
    }

    /// The update that makes `pizza` what the draft says, naming only what differs
    /// (`None` when nothing does), or the errors of what does not parse or break a rule.
    pub(super) fn changes(
        &self,
        pizza: &EditablePizza,
    ) -> Result<Option<UpdatePizza>, Vec<FieldError>> {
        let mut errors = Vec::new();
        // A price that does not parse is reported with the other fields' errors.
        let price = parse_price("base_price", &self.price).unwrap_or_else(|error| {
            errors.push(error);
            pizza.base_price
        });
        let (name, description) = (self.name.trim(), self.description.trim());
        let toppings = parse_toppings(&self.toppings);
        let update = UpdatePizza {
            name: (name != pizza.name).then(|| name.to_owned()),
            base_price: (price != pizza.base_price).then_some(price),
            available: (self.available != pizza.available).then_some(self.available),
            description: (description != pizza.description).then(|| description.to_owned()),
            available_toppings: (toppings != pizza.available_toppings).then_some(toppings),
            is_seasonal: (self.seasonal != pizza.is_seasonal).then_some(self.seasonal),
            ..UpdatePizza::of(pizza.id.clone())
        };
        let unchanged = !update.changes_something();
        // Unchanged, the contract would only say that nothing changed.
        if !unchanged && let Err(more) = update.validate() {
            errors.extend(more);
        }
        match (errors.is_empty(), unchanged) {
            (false, _) => Err(errors),
            (true, true) => Ok(None),
            (true, false) => Ok(Some(update)),
        }
    }
}

/// What the toast says once `update` of the pizza named `name` went through:
/// `Price of Margherita is now $11.50.`
pub(super) fn saved_message(name: &str, update: &UpdatePizza) -> String {
    let mut sentences = Vec::new();
    if let Some(new_name) = &update.name {
        sentences.push(format!("{name} is now called {new_name}."));
    }
    let name = update.name.as_deref().unwrap_or(name);
    if let Some(price) = update.base_price {
        sentences.push(format!("Price of {name} is now {}.", money(price)));
    }
    match update.available {
        Some(true) => sentences.push(format!("{name} is back on the menu.")),
        Some(false) => sentences.push(format!("{name} is off the menu.")),
        None => {}
    }
    if update.description.is_some() {
        sentences.push(format!("Description of {name} saved."));
    }
    if update.available_toppings.is_some() {
        sentences.push(format!("Extra toppings of {name} saved."));
    }
    match update.is_seasonal {
        Some(true) => sentences.push(format!("{name} is now a seasonal pizza.")),
        Some(false) => sentences.push(format!("{name} is no longer seasonal.")),
        None => {}
    }
    sentences.join(" ")
}

/// The edit form under a pizza's row; `open` turns false on cancel. A saved change
/// reloads the list, which closes the form.
#[component]
pub(super) fn EditForm(
    pizza: EditablePizza,
    editor: Editor,
    open: RwSignal<bool>,
) -> impl IntoView {
    let draft = Draft::of(&pizza);
    let new_name = RwSignal::new(draft.name);
    let price = RwSignal::new(draft.price);
    let description = RwSignal::new(draft.description);
    let toppings = RwSignal::new(draft.toppings);
    let available = RwSignal::new(draft.available);
    let seasonal = RwSignal::new(draft.seasonal);
    let feedback: Feedback = RwSignal::new(None);
    let id = {
        let prefix = format!("edit-{}", pizza.id);
        move |field: &str| format!("{prefix}-{field}")
    };
    let (name, pizza) = (pizza.name.clone(), StoredValue::new(pizza));

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let draft = Draft {
            name: new_name.get_untracked(),
            price: price.get_untracked(),
            description: description.get_untracked(),
            toppings: toppings.get_untracked(),
            available: available.get_untracked(),
            seasonal: seasonal.get_untracked(),
        };
        match pizza.with_value(|pizza| draft.changes(pizza)) {
            Ok(Some(update)) => {
                feedback.set(None);
                let done = pizza.with_value(|pizza| saved_message(&pizza.name, &update));
                editor.focus.set(Some(update.pizza_id.clone()));
                editor.send(update_pizza(update), done, move |outcome| {
                    feedback.set(outcome.err());
                });
            }
            Ok(None) => {
                let message = "Nothing to save yet: change a field first.";
                feedback.set(Some(invalid(vec![FieldError::new(".", message)])));
            }
            Err(errors) => feedback.set(Some(invalid(errors))),
        }
    };

    view! {
        <form class="edit-form" novalidate on:submit=submit aria-label=format!("Edit {name}")>
            {move || feedback.get().map(|error| view! { <p class="alert" role="alert">{summary(&error)}</p> })}
            <div class="edit-grid">
                <Field label="Name" field="name" id=id("name") value=new_name feedback/>
                <Field label="Price (medium)" field="base_price" id=id("price") value=price feedback
                    inputmode="decimal" hint="Small is 80%, large 130% of it."/>
                <Toggle name="available" checked=available
                    label="On the menu (customers can order it)"/>
                <Toggle name="is_seasonal" checked=seasonal label="Seasonal (offered for a season only)"/>
            </div>
            <Field label="Description" field="description" id=id("description") value=description
                feedback multiline=true hint=DESCRIPTION_HINT/>
            <Field label="Extra toppings" field="available_toppings" id=id("toppings") value=toppings
                feedback hint="Separated by commas, e.g. olives, basil."/>
            <div class="form-actions">
                <button type="submit" class="button button-primary" disabled=move || editor.busy.get()>
                    "Save changes"
                </button>
                <button type="button" class="button button-quiet" on:click=move |_| open.set(false)>
                    "Cancel"
                </button>
            </div>
        </form>
    }
}

/// The contract's limit in words (a test keeps the two in step).
const DESCRIPTION_HINT: &str = "At most 300 characters.";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::MAX_DESCRIPTION_LEN;
    use crate::contracts::testing::failing_fields;
    use rust_decimal::Decimal;

    fn margherita() -> EditablePizza {
        EditablePizza {
            id: "margherita".into(),
            name: "Margherita".into(),
            description: "Tomato, mozzarella, basil.".into(),
            base_price: Decimal::new(1099, 2),
            category: "Classic".into(),
            available_toppings: vec!["olives".into(), "basil".into()],
            preparation_time_minutes: 12,
            available: true,
            is_seasonal: false,
        }
    }

    #[test]
    fn the_description_hint_follows_the_contract() {
        assert_eq!(
            DESCRIPTION_HINT,
            format!("At most {MAX_DESCRIPTION_LEN} characters.")
        );
    }

    #[test]
    fn an_untouched_form_changes_nothing() {
        let pizza = margherita();
        assert_eq!(Draft::of(&pizza).changes(&pizza), Ok(None));
        let mut draft = Draft::of(&pizza);
        draft.price = "10.990".into();
        draft.toppings = " olives ,basil, ".into();
        draft.description.push(' ');
        assert_eq!(draft.changes(&pizza), Ok(None));
    }

    #[test]
    fn only_what_differs_is_sent_and_the_message_says_it() {
        let pizza = margherita();
        let mut draft = Draft::of(&pizza);
        draft.price = "11.5".into();
        draft.available = false;
        let update = draft.changes(&pizza).unwrap().unwrap();
        assert_eq!(update.base_price, Some(Decimal::new(115, 1)));
        assert_eq!(update.available, Some(false));
        assert_eq!(
            (&update.description, &update.available_toppings),
            (&None, &None)
        );
        assert_eq!(
            saved_message("Margherita", &update),
            "Price of Margherita is now $11.50. Margherita is off the menu."
        );
    }

    #[test]
    fn a_new_name_and_a_season_are_sent_and_said_under_the_new_name() {
        let pizza = margherita();
        let mut draft = Draft::of(&pizza);
        draft.name = " Margherita DOP ".into();
        draft.seasonal = true;
        let update = draft.changes(&pizza).unwrap().unwrap();
        assert_eq!(update.name.as_deref(), Some("Margherita DOP"));
        assert_eq!(update.is_seasonal, Some(true));
        assert_eq!(update.base_price, None);
        assert_eq!(
            saved_message("Margherita", &update),
            "Margherita is now called Margherita DOP. \
             Margherita DOP is now a seasonal pizza."
        );
        draft.name = "  ".into();
        assert_eq!(failing_fields(draft.changes(&pizza)), ["name"]);
    }

    #[test]
    fn a_broken_field_is_named_before_anything_is_sent() {
        let pizza = margherita();
        let mut draft = Draft::of(&pizza);
        draft.price = "ten".into();
        draft.toppings = "olives, olives".into();
        let fields = failing_fields(draft.changes(&pizza));
        assert_eq!(fields, ["base_price", "available_toppings"]);
        draft.toppings = Draft::of(&pizza).toppings;
        // The contract's own rules: a price must be above zero.
        draft.price = "0".into();
        assert_eq!(draft.changes(&pizza).unwrap_err()[0].field, "base_price");
    }

    #[test]
    fn descriptions_and_toppings_have_their_own_sentences() {
        let update = UpdatePizza {
            available: Some(true),
            description: Some(String::new()),
            available_toppings: Some(Vec::new()),
            ..UpdatePizza::of("funghi")
        };
        assert_eq!(
            saved_message("Funghi", &update),
            "Funghi is back on the menu. Description of Funghi saved. Extra toppings of Funghi saved."
        );
    }
}
