//! `/account`: who is signed in. A customer sees their notifications (read and dismiss
//! them) and their details (change them); staff see who they are and the way to their
//! pages; anyone else is asked to sign in. The page renders on the server with the
//! account's data, so it reads without the wasm; reading, dismissing and saving need it.

use super::details::AccountDetails;
use super::inbox::InboxPanel;
use super::prompts::{SignInPrompt, SignOut};
use crate::api::get_my_profile;
use crate::contracts::{AccountRole, Profile};
use crate::ui::erase::Erase;
use crate::ui::layout::{ErrorNotice, Loading};
use crate::ui::server_data::server_resource;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/account`.
#[component]
pub(crate) fn AccountPage() -> impl IntoView {
    let profile = server_resource(|| (), |()| get_my_profile());
    view! {
        <Title text="Your account · Mario's Pizzeria"/>
        <section class="account">
            <h1>"Your account"</h1>
            <Suspense fallback=|| view! { <Loading text="Looking you up…"/> }.erase()>
                {move || Suspend::new(async move {
                    match profile.await {
                        Ok(profile) if profile.role == AccountRole::Customer => {
                            view! { <CustomerAccount profile/> }.erase()
                        }
                        Ok(profile) => view! { <StaffAccount profile/> }.erase(),
                        Err(error) if error.status() == Some(401) => view! {
                            <SignInPrompt
                                next="/account"
                                reason="Sign in to see your notifications and your details."
                            />
                        }
                        .erase(),
                        Err(error) => view! { <ErrorNotice error/> }.erase(),
                    }
                })}
            </Suspense>
        </section>
    }
    .erase()
}

/// A customer's inbox beside their details.
#[component]
fn CustomerAccount(profile: Profile) -> impl IntoView {
    view! {
        <SignOut note="Orders you place while signed in count here."/>
        <div class="account-grid">
            <InboxPanel/>
            <AccountDetails profile/>
        </div>
    }
}

/// A member of staff: their name, role and pages.
#[component]
fn StaffAccount(profile: Profile) -> impl IntoView {
    let role = match profile.role {
        AccountRole::Chef => "chef",
        AccountRole::Driver => "driver",
        AccountRole::Manager => "manager",
        AccountRole::Customer => "customer",
    };
    view! {
        <div class="card">
            <p>"Signed in as " <strong>{profile.username}</strong> ", " {role} "."</p>
            <p><a class="button button-primary" href="/staff">"Go to your staff pages"</a></p>
        </div>
        <SignOut note="A staff account has no orders or notifications of its own."/>
    }
}
