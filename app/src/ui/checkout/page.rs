//! The checkout page (`/checkout`): the order summary and the delivery form, or a way
//! back to the menu when there is nothing to order.

use super::form::CheckoutForm;
use super::summary::OrderSummary;
use crate::ui::cart::{Cart, use_cart};
use crate::ui::erase::Erase;
use crate::ui::layout::Loading;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/checkout`.
#[component]
pub(crate) fn CheckoutPage() -> impl IntoView {
    let cart = use_cart();
    let feedback = RwSignal::new(None);
    let placed = RwSignal::new(false);
    // The promo code the bill applied, which placing the order sends.
    let applied = RwSignal::new(None::<String>);
    // A memo, so editing a line (which changes the cart) does not rebuild the form and
    // lose what the customer typed: only becoming empty or not does.
    let is_empty = Memo::new(move |_| cart.cart.with(Cart::is_empty));

    let body = move || {
        let view = if placed.get() {
            EitherOf3::A(view! { <Loading text="Order placed! Opening your confirmation…"/> })
        } else if !cart.ready.get() {
            // The saved cart lives in the browser; the server cannot know it yet.
            EitherOf3::A(view! { <Loading text="Fetching your order…"/> })
        } else if is_empty.get() {
            EitherOf3::B(view! { <EmptyCheckout/> })
        } else {
            EitherOf3::C(view! {
                <div class="checkout-layout">
                    <OrderSummary feedback applied/>
                    <CheckoutForm feedback placed applied/>
                </div>
            })
        };
        view.erase()
    };

    view! {
        <Title text="Checkout · Mario's Pizzeria"/>
        <section class="checkout">
            <h1>"Checkout"</h1>
            {body}
        </section>
    }
    .erase()
}

/// Shown instead of the form when the cart is empty.
#[component]
fn EmptyCheckout() -> impl IntoView {
    view! {
        <div class="card narrow">
            <p>"Your order is empty. Pick a pizza or two first."</p>
            <p><a class="button button-primary" href="/">"Back to the menu"</a></p>
        </div>
    }
}
