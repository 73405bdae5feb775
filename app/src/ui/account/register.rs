//! `/account/register`: a customer creates an account. The rules of each field are
//! shown beside it; a refused sign-up comes back with the fields that broke them.

use crate::contracts::{MIN_PASSWORD_LEN, USERNAME_LEN};
use crate::ui::erase::Erase;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// What each `error` code the sign-up route sends back means.
fn error_text(code: &str) -> &'static str {
    match code {
        "invalid" => "Some fields need another look; they are marked below.",
        "taken_username" => "That username is taken; choose another.",
        "taken_email" => "An account with that email exists. Sign in instead.",
        "busy" => "Too many attempts. Wait a few minutes, then try again.",
        _ => "Signing up is not possible right now. Please try again in a moment.",
    }
}

/// One labelled input with its rule as a hint, marked invalid when the server said so.
fn field(
    id: &'static str,
    label: &'static str,
    kind: &'static str,
    autocomplete: &'static str,
    hint: String,
    required: bool,
    invalid: bool,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                name=id
                type=kind
                autocomplete=autocomplete
                required=required
                aria-invalid=invalid.then_some("true")
                aria-describedby=hint_id.clone()
            />
            <p class=if invalid { "field-error" } else { "field-hint" } id=hint_id>{hint}</p>
        </div>
    }
}

#[component]
pub(crate) fn RegisterPage() -> impl IntoView {
    let query = use_query_map();
    let (error, fields) =
        query.with_untracked(|query| (query.get("error"), query.get("fields").unwrap_or_default()));
    let wrong = |name: &str| fields.split(',').any(|field| field == name);
    let taken = |what: &str| error.as_deref() == Some(what);
    let (taken_username, taken_email) = (taken("taken_username"), taken("taken_email"));
    let notice =
        error.map(|code| view! { <p class="alert" role="alert">{error_text(&code)}</p> }.erase());
    let username_hint = format!(
        "{} to {} lowercase letters, digits, dots, dashes or underscores.",
        USERNAME_LEN.start(),
        USERNAME_LEN.end()
    );
    let password_hint = format!("At least {MIN_PASSWORD_LEN} characters, and not your username.");

    view! {
        <Title text="Create an account · Mario's Pizzeria"/>
        <section class="card narrow account-form">
            <h1>"Create an account"</h1>
            <p class="muted">"Your orders in one place, and your details ready at checkout."</p>
            {notice}
            <form method="post" action="/api/auth/register" class="form">
                <input type="hidden" name="next" value="/orders"/>
                {field("username", "Username", "text", "username", username_hint,
                    true, wrong("username") || taken_username)}
                {field("password", "Password", "password", "new-password", password_hint,
                    true, wrong("password"))}
                {field("name", "Name", "text", "name", "As the driver will ask for you.".into(),
                    true, wrong("name"))}
                {field("email", "Email", "email", "email", "Like name@example.com.".into(),
                    true, wrong("email") || taken_email)}
                {field("phone", "Phone", "tel", "tel", "7 to 20 digits; spaces, + and - are fine.".into(),
                    true, wrong("phone"))}
                {field("address", "Delivery address (optional)", "text", "street-address",
                    "Where your pizzas usually go.".into(), false, wrong("address"))}
                <button type="submit" class="button button-primary">"Create my account"</button>
            </form>
            <p class="account-switch">
                "Have an account? " <a href="/account/login">"Sign in"</a>
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_code_has_words_and_unknown_ones_a_fallback() {
        assert!(error_text("taken_email").contains("Sign in"));
        assert!(error_text("invalid").contains("marked"));
        assert!(error_text("anything").contains("not possible"));
    }
}
