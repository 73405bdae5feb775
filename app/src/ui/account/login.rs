//! `/account/login`: a customer signs in to see their orders.
//!
//! Its form and `error_text` repeat `ui/staff/login.rs` on purpose. One `SignInForm`
//! component shared by both pages was tried (2026-12-06): it moved 17.6 KB gzip out of the
//! lazy chunks into the main module every page loads (230.8 → 248.4 KB, over the budget in
//! `scripts/measure-wasm`). Keep the two in step by hand; the sign-in form API test and
//! both pages' Playwright steps cover them.

use crate::ui::erase::Erase;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// What each `error` code the sign-in route sends back means.
fn error_text(code: &str) -> &'static str {
    match code {
        "wrong" => "The username or password is wrong.",
        "missing" => "Enter your username and password.",
        "busy" => "Too many failed sign-ins. Wait a few minutes, then try again.",
        _ => "Signing in is not possible right now. Please try again in a moment.",
    }
}

#[component]
pub(crate) fn CustomerLoginPage() -> impl IntoView {
    let query = use_query_map();
    let (error, next, signed_out) = query.with_untracked(|query| {
        (
            query.get("error"),
            query.get("next").unwrap_or_else(|| "/orders".to_owned()),
            query.get("signed_out").is_some(),
        )
    });
    let notice = match (error, signed_out) {
        (Some(code), _) => {
            Some(view! { <p class="alert" role="alert">{error_text(&code)}</p> }.erase())
        }
        (None, true) => {
            Some(view! { <p class="notice" role="status">"You are signed out."</p> }.erase())
        }
        (None, false) => None,
    };

    view! {
        <Title text="Sign in · Mario's Pizzeria"/>
        <section class="card narrow account-form">
            <h1>"Sign in"</h1>
            <p class="muted">"See your orders and order faster next time."</p>
            {notice}
            <form method="post" action="/api/auth/login" class="form">
                <input type="hidden" name="next" value=next/>
                <div class="field">
                    <label for="username">"Username"</label>
                    <input id="username" name="username" autocomplete="username" required/>
                </div>
                <div class="field">
                    <label for="password">"Password"</label>
                    <input
                        id="password"
                        name="password"
                        type="password"
                        autocomplete="current-password"
                        required
                    />
                </div>
                <button type="submit" class="button button-primary">"Sign in"</button>
            </form>
            <p class="account-switch">
                "New here? " <a href="/account/register">"Create an account"</a>
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_code_has_words_and_unknown_ones_a_fallback() {
        assert!(error_text("wrong").contains("wrong"));
        assert!(error_text("busy").contains("Wait"));
        assert!(error_text("anything").contains("not possible"));
    }
}
