//! The cart in the browser's `localStorage` (hydrate builds only). Storage can be
//! missing, full or disabled (private windows); the cart then simply lives in memory,
//! so every failure here is ignored on purpose.

use super::model::Cart;

/// One key for the whole cart, versioned so a future format can ignore old data.
const KEY: &str = "marios-pizzeria.cart.v1";

fn local_storage() -> Option<web_sys::Storage> {
    leptos::prelude::window().local_storage().ok().flatten()
}

/// The saved cart, if there is one and it still parses.
pub(super) fn load() -> Option<Cart> {
    let text = local_storage()?.get_item(KEY).ok()??;
    // From bytes, like every other JSON the browser decodes (see `ui::server_data`).
    serde_json::from_slice(text.as_bytes()).ok()
}

/// Saves the cart, replacing the previous copy.
pub(super) fn save(cart: &Cart) {
    let (Some(storage), Ok(text)) = (local_storage(), serde_json::to_string(cart)) else {
        return;
    };
    let _ = storage.set_item(KEY, &text);
}
