//! The order summary beside the checkout form: the cart's lines with their prices, a
//! place for special instructions per line, any problem the server found with a line,
//! and the bill.

use super::bill::Bill;
use super::feedback::{Feedback, field_message, line_messages};
use crate::contracts::MAX_TEXT_LEN;
use crate::ui::cart::{Cart, CartLine, use_cart};
use crate::ui::erase::Erase;
use crate::ui::format::money;
use leptos::prelude::*;

/// The lines and the bill of the order about to be placed, with the promo code
/// `applied` to it.
#[component]
pub(super) fn OrderSummary(feedback: Feedback, applied: RwSignal<Option<String>>) -> impl IntoView {
    let cart = use_cart().cart;
    // Only adding or removing a line renders the rows again: typing instructions (which
    // updates the cart) keeps the row, and with it the focus. Erased rows are rebuilt
    // from scratch, so each one then shows its own line and its current position.
    let line_ids = Memo::new(move |_| {
        cart.with(|cart| cart.lines().iter().map(|line| line.id).collect::<Vec<_>>())
    });
    let rows = move || {
        line_ids.track();
        cart.with_untracked(|cart| {
            cart.lines()
                .iter()
                .cloned()
                .enumerate()
                .map(|(index, line)| view! { <SummaryRow index line feedback/> }.erase())
                .collect_view()
        })
    };

    view! {
        <section class="card summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading">"Your order"</h2>
            {move || {
                field_message(feedback, "pizza_items")
                    .map(|message| view! { <p class="field-error">{message}</p> })
            }}
            <ul class="summary-lines">
                {rows}
            </ul>
            <Bill applied/>
            <p class="summary-edit"><a href="/">"Change your order"</a></p>
        </section>
    }
}

/// One line: what it is, its price, its instructions field and its errors.
#[component]
fn SummaryRow(index: usize, line: CartLine, feedback: Feedback) -> impl IntoView {
    let cart = use_cart().cart;
    let description = line.description();
    let error_id = format!("line-{index}-error");
    let messages = Memo::new(move |_| line_messages(feedback, index));
    let has_errors = Memo::new(move |_| messages.with(|messages| !messages.is_empty()));
    // Only an instructions problem makes the instructions field itself invalid.
    let instructions_field = format!("pizza_items[{index}].special_instructions");
    let instructions_invalid =
        Memo::new(move |_| field_message(feedback, &instructions_field).is_some());
    let id = line.id;
    let set_instructions = move |ev| {
        let text = event_target_value(&ev);
        cart.update(|cart: &mut Cart| cart.set_instructions(id, text));
    };
    let remove = move |_| {
        // The messages name lines by position, which removing a line shifts.
        feedback.set(None);
        cart.update(|cart: &mut Cart| cart.remove(id));
    };

    view! {
        <li class="summary-line" class:invalid=has_errors>
            <div class="summary-line-head">
                <span>{description.clone()}</span>
                <span class="price">{money(line.line_price())}</span>
            </div>
            <div class="summary-line-tools">
                <input
                    type="text"
                    class="instructions"
                    placeholder="Special instructions (optional)"
                    aria-label=format!("Special instructions for {description}")
                    maxlength=MAX_TEXT_LEN.to_string()
                    value=line.special_instructions.clone()
                    on:input=set_instructions
                    aria-invalid=move || instructions_invalid.get().then_some("true")
                    aria-describedby={
                        let error_id = error_id.clone();
                        move || instructions_invalid.get().then(|| error_id.clone())
                    }
                />
                <button type="button" class="button-link" aria-label=format!("Remove {description}") on:click=remove>
                    "Remove"
                </button>
            </div>
            {move || {
                has_errors.get().then(|| {
                    view! {
                        <ul class="field-error" id=error_id.clone()>
                            {move || messages.get().into_iter().map(|message| view! { <li>{message}</li> }).collect_view()}
                        </ul>
                    }
                })
            }}
        </li>
    }
}
