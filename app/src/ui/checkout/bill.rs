//! The bill under the order summary: the server's quote for the cart (pizzas, discount,
//! delivery, tax, total) and the promo code field. The quote follows the cart's pizzas
//! and the code applied; until it arrives, the cart's own total shows.

use crate::api::get_price_quote;
use crate::contracts::{GetPriceQuote, TotalBreakdown};
use crate::ui::cart::use_cart;
use crate::ui::format::money;
use leptos::prelude::*;

/// The bill, and the promo code `applied` to the order (what placing it sends).
#[component]
pub(super) fn Bill(applied: RwSignal<Option<String>>) -> impl IntoView {
    let cart = use_cart().cart;
    let quote = RwSignal::new(None::<TotalBreakdown>);
    let typed = RwSignal::new(String::new());
    let promo_error = RwSignal::new(None::<String>);
    // What the server prices: typing instructions changes the cart, not the bill.
    let pizzas = Memo::new(move |_| {
        let mut lines = cart.with(|cart| cart.to_requests());
        lines
            .iter_mut()
            .for_each(|line| line.special_instructions = None);
        lines
    });
    // Answers can overtake each other; only the latest request's counts.
    let asked = StoredValue::new(0_u32);
    Effect::new(move |_| {
        let query = GetPriceQuote {
            pizza_items: pizzas.get(),
            promo_code: applied.get(),
        };
        let ticket = asked.with_value(|n| n + 1);
        asked.set_value(ticket);
        leptos::task::spawn_local(async move {
            let answer = get_price_quote(query).await;
            if quote.is_disposed() || asked.get_value() != ticket {
                return;
            }
            match answer {
                Ok(bill) => quote.set(Some(bill)),
                Err(error) => {
                    quote.set(None);
                    // A code that does not apply is said by the field and dropped.
                    if let Some(message) = error.field_message("promo_code") {
                        promo_error.set(Some(message));
                        applied.set(None);
                    }
                }
            }
        });
    });
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let code = typed.get_untracked().trim().to_owned();
        promo_error.set(None);
        applied.set((!code.is_empty()).then_some(code));
    };
    let total = move || match quote.get() {
        Some(bill) => money(bill.total),
        None => cart.with(|cart| money(cart.total())),
    };

    view! {
        {move || quote.get().map(|bill| view! { <BillLines bill/> })}
        <p class="cart-total">
            <span>"Total"</span>
            <span class="price" data-testid="checkout-total">{total}</span>
        </p>
        <form class="promo" on:submit=apply aria-label="Promo code">
            <label for="promo-code">"Promo code"</label>
            <div class="promo-row">
                <input id="promo-code" type="text" autocomplete="off" maxlength="20"
                    prop:value=typed on:input=move |ev| typed.set(event_target_value(&ev))
                    aria-invalid=move || promo_error.get().map(|_| "true")
                    aria-describedby="promo-status"/>
                <button type="submit" class="button button-small">"Apply"</button>
            </div>
            <p id="promo-status" class=move || if promo_error.get().is_some() { "field-error" } else { "field-hint" }
                role="status">
                {move || promo_error.get().or_else(|| applied.get().map(|code| format!("{} applied.", code.to_ascii_uppercase())))}
            </p>
        </form>
    }
}

/// The lines of the bill above its total: those that are not zero, and the tax.
#[component]
fn BillLines(bill: TotalBreakdown) -> impl IntoView {
    let line = |label: String, amount: String| {
        view! { <div class="bill-line"><dt>{label}</dt><dd>{amount}</dd></div> }
    };
    let discount = bill.promo_code.clone().map(|code| {
        line(
            format!("Discount ({code})"),
            format!("−{}", money(bill.discount)),
        )
    });
    let delivery = if bill.delivery_fee.is_zero() {
        "Free".to_owned()
    } else {
        money(bill.delivery_fee)
    };
    let tax = if bill.prices_include_tax {
        "Tax included"
    } else {
        "Tax"
    };
    view! {
        <dl class="bill" aria-label="Bill">
            {line("Pizzas".into(), money(bill.subtotal))}
            {discount}
            {line("Delivery".into(), delivery)}
            {(!bill.tax.is_zero()).then(|| line(tax.into(), money(bill.tax)))}
        </dl>
    }
}
