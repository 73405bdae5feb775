//! `/staff/login`: the staff sign-in page. A plain HTML form posted to
//! `/api/auth/login`, which answers with a redirect: on to the page asked for (`next`)
//! with the session cookie, or back here with an `error` code this page puts in words.
//! It needs no JavaScript at all.

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
pub(crate) fn StaffLoginPage() -> impl IntoView {
    let query = use_query_map();
    let (error, next, signed_out) = query.with_untracked(|query| {
        (
            query.get("error"),
            query.get("next").unwrap_or_else(|| "/staff".to_owned()),
            query.get("signed_out").is_some(),
        )
    });
    let notice = match (error, signed_out) {
        (Some(code), _) => Some(
            view! {
                <p class="alert" role="alert">{error_text(&code)}</p>
            }
            .erase(),
        ),
        (None, true) => Some(
            view! {
                <p class="notice" role="status">"You are signed out."</p>
            }
            .erase(),
        ),
        (None, false) => None,
    };

    view! {
        <Title text="Staff sign-in · Mario's Pizzeria"/>
        <section class="card narrow staff-login">
            <h1>"Staff sign-in"</h1>
            <p class="muted">"For the kitchen, the drivers and the managers of Mario's."</p>
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
        assert!(error_text("missing").contains("Enter"));
        assert!(error_text("anything").contains("not possible"));
    }
}
