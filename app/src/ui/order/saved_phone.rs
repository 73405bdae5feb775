//! The phone number of the last order placed in this browser, kept in `localStorage` so
//! the history page can offer it. Storage can be missing or disabled; then there is
//! simply nothing to offer, so every failure here is ignored on purpose. On the server
//! both functions do nothing.

#[cfg(feature = "hydrate")]
const KEY: &str = "marios-pizzeria.phone.v1";

#[cfg(feature = "hydrate")]
fn local_storage() -> Option<web_sys::Storage> {
    leptos::prelude::window().local_storage().ok().flatten()
}

/// Remembers `phone` as the one to offer next time.
pub(crate) fn remember(phone: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(KEY, phone);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = phone;
}

/// The phone number remembered, if any.
pub(crate) fn recall() -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        local_storage()?.get_item(KEY).ok().flatten()
    }
    #[cfg(not(feature = "hydrate"))]
    None
}
