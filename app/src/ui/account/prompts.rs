//! What the account pages share: the way out for whoever is signed in, and the ways in
//! for anyone who is not. Both are plain links and forms, so they work without the wasm.

use crate::ui::format::encode_query_value;
use leptos::prelude::*;

/// A signed-in account's way out, with a line about what the page shows.
#[component]
pub(crate) fn SignOut(note: &'static str) -> impl IntoView {
    view! {
        <form class="history-account" method="post" action="/api/auth/logout">
            <span class="muted">{note}</span>
            <button type="submit" class="button">"Sign out"</button>
        </form>
    }
}

/// For anyone not signed in: why to sign in (`reason`), and the ways in, coming back to
/// `next` afterwards.
#[component]
pub(crate) fn SignInPrompt(next: &'static str, reason: &'static str) -> impl IntoView {
    let sign_in = format!("/account/login?next={}", encode_query_value(next));
    view! {
        <div class="card history-empty" data-testid="history-sign-in">
            <p>{reason}</p>
            <p class="history-actions">
                <a class="button button-primary" href=sign_in>"Sign in"</a>
                <a class="button" href="/account/register">"Create an account"</a>
            </p>
            <p class="muted">"Ordered as a guest? Your order's own page, from your confirmation link, shows how it is doing."</p>
        </div>
    }
}
