//! The lazy routes: every page but the menu is a [`LazyRoute`], so its code is a wasm
//! chunk of its own that the browser fetches the first time the page is shown (every
//! build passes `cargo leptos ... --split`; the frontend hydrates with `hydrate_lazy`).
//! A customer who opens the menu loads only the menu's code; the staff pages never weigh
//! on a customer at all.
//!
//! None of them has route data: each page creates its resources when it renders, so the
//! server and the hydrating browser create them at the same point.

use crate::contracts::StaffRole;
use crate::ui::account::{AccountPage, CustomerLoginPage, RegisterPage};
use crate::ui::checkout::CheckoutPage;
use crate::ui::erase::Erase;
use crate::ui::order::{OrderHistoryPage, OrderPage};
use crate::ui::staff::{
    DeliveryPage, KitchenPage, ManagementPage, StaffGate, StaffHome, StaffLoginPage,
};
use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};

/// Declares a unit struct as the lazy route that renders `$view`.
///
/// One call per route, on purpose: one call listing every route (a `$(...)+` repetition)
/// expands to the same items, yet it moved ~18 KB gzip of shared code into the main
/// module (230.8 to 248.4 KB, `scripts/measure-wasm`, 2026-12-06), over its budget.
macro_rules! lazy_page {
    ($(#[$doc:meta])* $route:ident => $view:expr) => {
        $(#[$doc])*
        pub(crate) struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                $view
            }
        }
    };
}

lazy_page!(
    /// `/checkout`: the summary, the delivery form and its validation.
    CheckoutRoute => view! { <CheckoutPage/> }.erase()
);
lazy_page!(
    /// `/orders/:id`: one order, followed live.
    OrderRoute => view! { <OrderPage/> }.erase()
);
lazy_page!(
    /// `/orders`: a signed-in customer's orders; for staff, a guest's by phone.
    OrderHistoryRoute => view! { <OrderHistoryPage/> }.erase()
);
lazy_page!(
    /// `/account`: a customer's notifications and details.
    AccountRoute => view! { <AccountPage/> }.erase()
);
lazy_page!(
    /// `/account/login`: a customer's sign-in.
    CustomerLoginRoute => view! { <CustomerLoginPage/> }.erase()
);
lazy_page!(
    /// `/account/register`: a customer's sign-up.
    RegisterRoute => view! { <RegisterPage/> }.erase()
);
lazy_page!(
    /// `/staff/login`.
    StaffLoginRoute => view! { <StaffLoginPage/> }.erase()
);
lazy_page!(
    /// `/staff`: off to the page of one's role.
    StaffHomeRoute => staff(ANY_STAFF, || view! { <StaffHome/> })
);
lazy_page!(
    /// `/staff/kitchen`.
    KitchenRoute => staff(&[StaffRole::Chef], || view! { <KitchenPage/> })
);
lazy_page!(
    /// `/staff/delivery`.
    DeliveryRoute => staff(&[StaffRole::Driver], || view! { <DeliveryPage/> })
);
lazy_page!(
    /// `/staff/manage`: managers only.
    ManagementRoute => staff(&[], || view! { <ManagementPage/> })
);

/// Every staff role (a page any member of staff may open).
const ANY_STAFF: &[StaffRole] = &[StaffRole::Chef, StaffRole::Driver];

/// A staff page: `page` behind the sign-in and role check for `roles` (managers always pass).
fn staff<V: IntoView + 'static>(
    roles: &'static [StaffRole],
    page: impl Fn() -> V + Send + Sync + 'static,
) -> AnyView {
    view! { <StaffGate roles>{page()}</StaffGate> }.erase()
}
