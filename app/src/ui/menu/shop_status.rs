//! The line under the menu's heading that says whether the shop takes orders now, on
//! its own clock: "Open now, until 22:00." or, as a notice, "Closed now; opens Tuesday at
//! 11:00." It comes with the menu (`get_menu`). Orders placed while closed are refused by
//! the server all the same.

use crate::contracts::ShopStatus;
use leptos::prelude::*;

/// Whether the shop is open.
#[component]
pub(super) fn ShopStatusLine(status: ShopStatus) -> impl IntoView {
    let class = if status.open_now {
        "shop-status"
    } else {
        "shop-status shop-closed"
    };
    view! { <p class=class role="status">{status.standing}</p> }
}
