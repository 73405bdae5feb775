//! The cart as app-wide state: provided once by `App`, so it survives client-side
//! navigation from the menu to the checkout, and mirrored to `localStorage` so it also
//! survives a reload.

use super::model::Cart;
use leptos::prelude::*;

/// The cart signal and whether the browser has put back the saved cart yet.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CartContext {
    /// The lines the customer has picked.
    pub cart: RwSignal<Cart>,
    /// False on the server and until the app has hydrated and restored the saved cart;
    /// pages use it to hold back controls that would not work yet.
    pub ready: RwSignal<bool>,
}

/// Creates the cart and provides it as context; called once, in `App`, which also
/// renders [`SavedCart`].
pub(crate) fn provide_cart() {
    let context = CartContext {
        cart: RwSignal::new(Cart::default()),
        ready: RwSignal::new(false),
    };
    provide_context(context);
}

/// Puts back the saved cart and keeps saving it. `App` renders this after the routes:
/// a closure in a view first runs when hydration reaches it, so the cart changes only
/// once the page has hydrated. Hydration can pause on the way, when the first page is a
/// lazy route whose wasm chunk is still loading; an effect created earlier could run in
/// that pause, and the page would then hydrate against a cart the server never rendered.
#[component]
pub(crate) fn SavedCart() -> impl IntoView {
    let context = use_cart();
    move || sync_with_storage(context)
}

/// The cart provided by `App`.
pub(crate) fn use_cart() -> CartContext {
    expect_context::<CartContext>()
}

/// Restores the saved cart once, then saves it after every change. Effects only run in
/// the browser, and this one is created after hydration (see [`SavedCart`]), so the
/// first render matches the server's (empty) one.
#[cfg(feature = "hydrate")]
fn sync_with_storage(context: CartContext) {
    use super::storage;

    let CartContext { cart, ready } = context;
    Effect::new(move |previous: Option<()>| {
        if previous.is_none() {
            if let Some(saved) = storage::load() {
                cart.set(saved);
            }
            ready.set(true);
        }
        cart.with(storage::save);
    });
}

/// Without a browser there is no storage: the server always renders an empty cart.
#[cfg(not(feature = "hydrate"))]
fn sync_with_storage(_context: CartContext) {}
