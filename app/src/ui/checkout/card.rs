//! The card fields of the checkout, shown while "Card" is chosen: number, expiry and
//! security code, each with the error the server (or the contract's own check) gave
//! for it. The card is sent with the order and charged by the server's payment gateway;
//! nothing of it is kept in the browser beyond the form.

use super::feedback::{Feedback, field_message};
use crate::contracts::{CardDetails, PaymentMethod};
use crate::ui::text_field::TextField;
use leptos::prelude::*;

/// What the customer types for their card.
#[derive(Clone, Copy)]
pub(super) struct CardInput {
    number: RwSignal<String>,
    exp_month: RwSignal<String>,
    exp_year: RwSignal<String>,
    cvc: RwSignal<String>,
}

impl CardInput {
    pub(super) fn new() -> Self {
        Self {
            number: RwSignal::new(String::new()),
            exp_month: RwSignal::new(String::new()),
            exp_year: RwSignal::new(String::new()),
            cvc: RwSignal::new(String::new()),
        }
    }

    /// The card as typed. A month or year that is not a number is sent as 0, which the
    /// contract refuses naming its field; a two-digit year means this century.
    pub(super) fn details(self) -> CardDetails {
        let number =
            |field: RwSignal<String>| field.with_untracked(|text| text.trim().parse().unwrap_or(0));
        let year: u32 = number(self.exp_year);
        CardDetails {
            number: self.number.get_untracked().trim().to_owned(),
            exp_month: number(self.exp_month),
            exp_year: if year < 100 { 2000 + year } else { year },
            cvc: self.cvc.get_untracked().trim().to_owned(),
        }
    }
}

/// The card's fields, and the simulator's test cards; hidden unless paying by card.
#[component]
pub(super) fn CardFields(
    card: CardInput,
    payment: RwSignal<PaymentMethod>,
    feedback: Feedback,
) -> impl IntoView {
    let missing = Memo::new(move |_| field_message(feedback, "card"));
    view! {
        <fieldset class="card-fields" hidden=move || payment.get() != PaymentMethod::Card>
            <legend>"Card"</legend>
            {move || missing.get().map(|message| view! { <p class="field-error">{message}</p> })}
            <TextField form="checkout" label="Card number" field="card.number" value=card.number feedback autocomplete="cc-number"/>
            <div class="card-row">
                <TextField form="checkout" label="Expiry month" field="card.exp_month" value=card.exp_month feedback autocomplete="cc-exp-month"/>
                <TextField form="checkout" label="Expiry year" field="card.exp_year" value=card.exp_year feedback autocomplete="cc-exp-year"/>
                <TextField form="checkout" label="Security code" field="card.cvc" value=card.cvc feedback autocomplete="cc-csc"/>
            </div>
            <p class="field-hint">
                "No real card is charged: this shop takes payments through a simulator. "
                "Test cards: 4242 4242 4242 4242 is approved, 4000 0000 0000 0002 is declined, "
                "4000 0000 0000 9995 has insufficient funds; any future expiry and any 3 digits."
            </p>
        </fieldset>
    }
}
