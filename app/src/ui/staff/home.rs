//! `/staff`: sends each member of staff to the page they work on (and anyone not signed
//! in to sign-in, through the gate around it).

use crate::contracts::StaffUser;
use crate::ui::staff::nav::home_of;
use leptos::prelude::*;
use leptos_router::components::Redirect;

#[component]
pub(crate) fn StaffHome() -> impl IntoView {
    let user = use_context::<StaffUser>();
    user.map(|user| view! { <Redirect path=home_of(user.role)/> })
}
