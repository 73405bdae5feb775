//! The frame around every page (the footer; the header is `header.rs`) and the small pieces pages share:
//! the loading line, the error box and the "not found" page.

use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

/// How paying works, at the bottom of every page.
#[component]
pub(crate) fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>"Mario's Pizzeria · Pay by card as you order, or cash when your pizza arrives"</p>
        </footer>
    }
}

/// A polite "still loading" line.
#[component]
pub(crate) fn Loading(#[prop(into)] text: String) -> impl IntoView {
    view! { <p class="loading" role="status">{text}</p> }
}

/// A failed call, in words a customer can act on.
#[component]
pub(crate) fn ErrorNotice(error: AppError) -> impl IntoView {
    view! {
        <div class="alert" role="alert">
            <p>{error.to_string()}</p>
            <p><a href="/">"Back to the menu"</a></p>
        </div>
    }
}

/// The fallback route: an unknown path.
#[component]
pub(crate) fn NotFoundPage() -> impl IntoView {
    view! {
        <NotFound
            title="Page not found"
            message="That page is not on the menu."
            back="Go to the menu"
        />
    }
}

/// A 404: what was not found, a word on why, and the way back to the menu.
#[component]
pub(crate) fn NotFound(
    title: &'static str,
    message: &'static str,
    back: &'static str,
) -> impl IntoView {
    set_not_found_status();
    view! {
        <Title text=format!("{title} · Mario's Pizzeria")/>
        <section class="card narrow">
            <h1>{title}</h1>
            <p>{message}</p>
            <p><a class="button button-primary" href="/">{back}</a></p>
        </section>
    }
}

/// Marks the server-rendered response as a 404, so crawlers and tests see the truth.
/// Nothing to do in the browser: the status line was sent long ago.
pub(crate) fn set_not_found_status() {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
}
