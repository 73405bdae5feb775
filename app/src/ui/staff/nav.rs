//! The staff bar above every staff page: who is signed in, the pages their role may
//! open, and a sign-out button (a plain form, so it works before hydration). Also the
//! rule of who may open which page, which the gate applies too.

use crate::contracts::{StaffRole, StaffUser};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The staff pages, their paths and who works on them.
const PAGES: [(&str, &str, &[StaffRole]); 3] = [
    ("Kitchen", "/staff/kitchen", &[StaffRole::Chef]),
    ("Delivery", "/staff/delivery", &[StaffRole::Driver]),
    ("Management", "/staff/manage", &[]),
];

/// Whether `role` may open a page meant for `roles`; a manager may open every page.
pub(crate) fn may_open(role: StaffRole, roles: &[StaffRole]) -> bool {
    role == StaffRole::Manager || roles.contains(&role)
}

/// The page a role starts on: the first of [`PAGES`] it may open.
pub(crate) fn home_of(role: StaffRole) -> &'static str {
    PAGES
        .iter()
        .find(|(_, _, roles)| may_open(role, roles))
        .map_or("/staff/login", |(_, path, _)| path)
}

#[component]
pub(crate) fn StaffBar(user: StaffUser) -> impl IntoView {
    let location = use_location();
    let links = PAGES
        .iter()
        .filter(|(_, _, roles)| may_open(user.role, roles))
        .map(|&(name, path, _)| {
            let current = move || (location.pathname.get() == path).then_some("page");
            view! { <a href=path aria-current=current>{name}</a> }
        })
        .collect_view();

    view! {
        <nav class="staff-bar" aria-label="Staff pages">
            <div class="staff-links">{links}</div>
            <form class="staff-user" method="post" action="/api/auth/logout">
                <span>
                    "Signed in as " <strong>{user.username}</strong>
                    <span class="badge">{user.role.as_str()}</span>
                </span>
                <button type="submit" class="button">"Sign out"</button>
            </form>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manager_opens_every_page_and_others_only_their_own() {
        let kitchen = &[StaffRole::Chef];
        assert!(may_open(StaffRole::Chef, kitchen));
        assert!(may_open(StaffRole::Manager, kitchen));
        assert!(!may_open(StaffRole::Driver, kitchen));
        assert!(!may_open(StaffRole::Chef, &[]));
        assert!(may_open(StaffRole::Manager, &[]));
    }

    #[test]
    fn each_role_starts_on_its_own_page() {
        assert_eq!(home_of(StaffRole::Chef), "/staff/kitchen");
        assert_eq!(home_of(StaffRole::Driver), "/staff/delivery");
        assert_eq!(home_of(StaffRole::Manager), "/staff/kitchen");
    }
}
