//! One pizza in the menu editor: what customers see of it, and the three things a
//! manager does with it: edit it, take it off the menu (or put it back) in one click,
//! and remove it for good, which asks first.

use super::edit_form::{EditForm, saved_message};
use super::editor::Editor;
use crate::api::{remove_pizza, update_pizza};
use crate::contracts::{EditablePizza, UpdatePizza};
use crate::ui::erase::Erase;
use crate::ui::format::money;
use leptos::either::EitherOf3;
use leptos::prelude::*;

/// A row of the list, with its edit form or its removal question under it.
#[component]
pub(super) fn PizzaRow(pizza: EditablePizza, editor: Editor) -> impl IntoView {
    let editing = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let busy = move || editor.busy.get();
    let toppings = if pizza.available_toppings.is_empty() {
        "No extra toppings".to_owned()
    } else {
        format!("Extras: {}", pizza.available_toppings.join(", "))
    };
    let (status, status_class) = if pizza.available {
        ("On the menu", "badge badge-ready")
    } else {
        ("Off the menu", "badge badge-cancelled")
    };
    let toggle_label = if pizza.available {
        "Take off menu"
    } else {
        "Put on menu"
    };
    let row = StoredValue::new(pizza.clone());
    // Back on this row's Edit button after a change to it reloaded the list.
    let edit_button = NodeRef::<leptos::html::Button>::new();
    let id = pizza.id.clone();
    Effect::new(move |_| {
        if let Some(button) = edit_button.get()
            && editor
                .focus
                .with_untracked(|focus| focus.as_deref() == Some(id.as_str()))
        {
            let _ = button.focus();
            editor.focus.set(None);
        }
    });

    let toggle = move |_| {
        let (update, done) = row.with_value(|pizza| {
            let update = UpdatePizza {
                available: Some(!pizza.available),
                ..UpdatePizza::of(pizza.id.clone())
            };
            let done = saved_message(&pizza.name, &update);
            (update, done)
        });
        editor
            .focus
            .set(row.with_value(|pizza| Some(pizza.id.clone())));
        editor.send(update_pizza(update), done, editor.report());
    };
    let remove = move |_| {
        let (id, name) = row.with_value(|pizza| (pizza.id.clone(), pizza.name.clone()));
        let done = format!("{name} was removed from the menu.");
        editor.send(remove_pizza(id), done, editor.report());
    };

    let details = view! {
        <div class="pizza-row-main">
            <div class="pizza-row-title">
                <h3>{pizza.name.clone()}</h3>
                <span class=status_class>{status}</span>
                {pizza.is_seasonal.then(|| view! { <span class="badge badge-seasonal">"Seasonal"</span> })}
            </div>
            <p class="pizza-row-meta">
                {pizza.category.clone()} " · " {pizza.preparation_time_minutes} " min · id "
                <code>{pizza.id.clone()}</code>
            </p>
            <p class="pizza-row-description">{pizza.description.clone()}</p>
            <p class="pizza-row-toppings">{toppings}</p>
        </div>
        <p class="pizza-row-price">
            <span class="price">{money(pizza.base_price)}</span>
            <span class="price-note">"medium"</span>
        </p>
    };
    let name = pizza.name.clone();
    let actions = view! {
        <div class="pizza-row-actions">
            <button type="button" class="button button-small" node_ref=edit_button
                aria-expanded=move || editing.get().to_string()
                disabled=busy
                on:click=move |_| { confirming.set(false); editing.update(|open| *open = !*open); }>
                "Edit"
            </button>
            <button type="button" class="button button-small" disabled=busy on:click=toggle>
                {toggle_label}
            </button>
            <button type="button" class="button button-small button-danger" disabled=busy
                on:click=move |_| { editing.set(false); confirming.set(true); }>
                "Remove"
            </button>
        </div>
    };
    let below = move || {
        let view = if confirming.get() {
            let name = name.clone();
            EitherOf3::A(view! {
                <div class="confirm" role="group" aria-label=format!("Remove {name}?")>
                    <p>"Remove " <strong>{name.clone()}</strong> " from the menu for good? "
                        "Orders already placed keep it. To hide it for a while, take it off the menu instead."</p>
                    <div class="form-actions">
                        <button type="button" class="button button-danger-solid" disabled=busy on:click=remove>
                            "Yes, remove it"
                        </button>
                        <button type="button" class="button button-quiet" on:click=move |_| confirming.set(false)>
                            "Keep it"
                        </button>
                    </div>
                </div>
            })
        } else if editing.get() {
            let pizza = row.get_value();
            EitherOf3::B(view! { <EditForm pizza editor open=editing/> })
        } else {
            EitherOf3::C(())
        };
        view.erase()
    };

    view! {
        <li class="pizza-row" class:pizza-row-off=!pizza.available>
            {details}
            {actions}
            {below}
        </li>
    }
}
