//! The "Your order" sidebar of the menu page: the lines picked so far, their prices,
//! the live total and the way on to the checkout; and, for narrow screens where that
//! sidebar sits below a long menu, a bar that jumps to it.

use super::context::use_cart;
use super::model::CartLine;
use crate::ui::format::money;
use leptos::either::Either;
use leptos::prelude::*;

/// The cart as an `<aside aria-label="Your order">`.
#[component]
pub(crate) fn CartPanel() -> impl IntoView {
    let cart = use_cart().cart;
    let has_lines = Memo::new(move |_| cart.with(|cart| !cart.is_empty()));
    let lines = move || {
        if !has_lines.get() {
            return Either::Left(view! { <p class="cart-empty">"Your order is empty"</p> });
        }
        // The server's cart is always empty: the lines only exist in the browser, so this
        // branch is only ever built there, never hydrated.
        Either::Right(view! {
            <ul class="cart-lines">
                // Re-rendered whole on change: a handful of rows, and no inputs to keep.
                {move || {
                    cart.with(|cart| {
                        cart.lines().iter().cloned().map(|line| view! { <CartRow line/> }).collect_view()
                    })
                }}
            </ul>
        })
    };

    view! {
        <aside class="cart" id="your-order" aria-label="Your order">
            <h2 class="cart-title">"Your order"</h2>
            {lines}
            <p class="cart-total">
                <span>"Total"</span>
                <span class="price" data-testid="cart-total">
                    {move || cart.with(|cart| money(cart.total()))}
                </span>
            </p>
            <a class="button button-primary cart-checkout" href="/checkout">
                "Checkout"
            </a>
        </aside>
    }
}

/// One line with its price and a button to take it out again.
#[component]
fn CartRow(line: CartLine) -> impl IntoView {
    let cart = use_cart().cart;
    let description = line.description();
    let remove_label = format!("Remove {description}");
    let id = line.id;

    view! {
        <li class="cart-line">
            <span class="cart-line-text">{description}</span>
            <span class="price">{money(line.line_price())}</span>
            <button
                type="button"
                class="button-link"
                aria-label=remove_label
                on:click=move |_| cart.update(|cart| cart.remove(id))
            >
                "Remove"
            </button>
        </li>
    }
}

/// Pinned to the bottom of the menu while it scrolls (narrow screens only, see the CSS):
/// the count and total of the cart, linking down to the cart itself.
#[component]
pub(crate) fn CartBar() -> impl IntoView {
    let cart = use_cart().cart;
    let summary = move || {
        cart.with(|cart| {
            let count = cart.pizza_count();
            let noun = if count == 1 { "pizza" } else { "pizzas" };
            format!("{count} {noun} · {}", money(cart.total()))
        })
    };

    let has_lines = Memo::new(move |_| cart.with(|cart| !cart.is_empty()));

    move || {
        has_lines.get().then(|| {
            view! {
                <a class="cart-bar" href="#your-order">
                    <span>"View your order"</span>
                    <span class="price">{summary}</span>
                </a>
            }
        })
    }
}
