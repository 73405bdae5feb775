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

/// Creates the cart and provides it as context; called once, in `App`.
pub(crate) fn provide_cart() {
    let context = CartContext {
        cart: RwSignal::new(Cart::default()),
        ready: RwSignal::new(false),
    };
    provide_context(context);
    sync_with_storage(context);
}

/// The cart provided by `App`.
pub(crate) fn use_cart() -> CartContext {
    expect_context::<CartContext>()
}

/// Restores the saved cart once, then saves it after every change. Effects only run in
/// the browser, after hydration, so the first render matches the server's (empty) one.
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
