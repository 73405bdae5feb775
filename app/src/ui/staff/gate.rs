//! [`StaffGate`]: what every staff page is wrapped in. It asks the server who is signed
//! in; nobody → off to `/staff/login?next=<this page>` (a `302` when the server renders
//! it), the wrong role → a plain refusal naming who may use the page, else the staff bar
//! and the page. This only decides what to show: every command and query behind a page
//! is checked again by the mediator's authorization behavior.

use crate::api::current_staff;
use crate::contracts::{StaffRole, StaffUser};
use crate::ui::erase::Erase;
use crate::ui::format::encode_query_value;
use crate::ui::layout::{ErrorNotice, Loading};
use crate::ui::server_data::server_resource;
use crate::ui::staff::nav::{StaffBar, may_open};
use leptos::either::EitherOf4;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

/// Shows `children` only to signed-in staff with one of `roles` (or a manager). The
/// signed-in [`StaffUser`] is provided as context to the page.
#[component]
pub(crate) fn StaffGate(roles: &'static [StaffRole], children: ChildrenFn) -> impl IntoView {
    let me = server_resource(|| (), |_| current_staff());
    let location = use_location();
    let children = StoredValue::new(children);

    view! {
        <Suspense fallback=|| view! { <Loading text="Checking who you are…"/> }.erase()>
            {move || Suspend::new(async move {
                let view = match me.await {
                    Ok(Some(user)) if may_open(user.role, roles) => {
                        provide_context(user.clone());
                        EitherOf4::A(view! {
                            <StaffBar user/>
                            {children.with_value(|children| children())}
                        })
                    }
                    Ok(Some(user)) => EitherOf4::B(view! { <WrongRole user roles/> }),
                    Ok(None) => {
                        let here = location.pathname.get_untracked();
                        let next = encode_query_value(&here);
                        EitherOf4::C(view! { <Redirect path=format!("/staff/login?next={next}")/> })
                    }
                    Err(error) => EitherOf4::D(view! { <ErrorNotice error/> }),
                };
                view.erase()
            })}
        </Suspense>
    }
    .erase()
}

/// Signed in, but not for this page.
#[component]
fn WrongRole(user: StaffUser, roles: &'static [StaffRole]) -> impl IntoView {
    let who: Vec<&str> = roles.iter().map(|role| role.as_str()).collect();
    view! {
        <Title text="Not for your role · Mario's Pizzeria"/>
        <StaffBar user=user.clone()/>
        <section class="card narrow" role="alert">
            <h1>"Not for your role"</h1>
            <p>
                "You are signed in as " <strong>{user.username}</strong> " (" {user.role.as_str()}
                "). This page is for: " {who.join(", ")} " and managers."
            </p>
        </section>
    }
}
