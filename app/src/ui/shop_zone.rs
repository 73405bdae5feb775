//! The shop's clock for the whole app: every time a page shows is the shop's local
//! time ([`shop_local`]), whoever looks and wherever they are. The server finds the
//! [`ShopZone`] before a page renders (the page middleware puts it in the request's
//! extensions) and writes it into the head ([`ShopZoneMeta`], in the server-only shell);
//! the browser reads it back from there while hydrating, so both render the same text
//! with no request and no time zone database in the wasm.

use crate::contracts::ShopZone;
use chrono::{DateTime, NaiveDateTime, Utc};
use leptos::prelude::*;

/// The `name` of the `<meta>` that carries the zone to the browser.
const META_NAME: &str = "pizzeria-zone";

/// The zone, provided for the whole app.
#[derive(Debug, Clone)]
struct PageZone(ShopZone);

/// Provides the page's zone for the whole app: on the server, what the page middleware
/// found; in the browser, what the server wrote into the head.
pub(crate) fn provide_shop_zone() {
    provide_context(PageZone(page_zone().unwrap_or_default()));
}

/// `at` on the shop's clock, from the zone the app was given (UTC where there is none:
/// outside a component, or in a test).
pub(crate) fn shop_local(at: DateTime<Utc>) -> NaiveDateTime {
    match use_context::<PageZone>() {
        Some(PageZone(zone)) => zone.local(at),
        None => at.naive_utc(),
    }
}

/// The zone the app was given, for the callbacks that need it later (they run outside
/// the component, where the app's context is out of reach): take it while rendering.
pub(crate) fn shop_zone() -> ShopZone {
    use_context::<PageZone>().map_or_else(ShopZone::default, |PageZone(zone)| zone)
}

/// The shop's time zone name, `Europe/Rome`, for the notes that say whose clock the
/// times are on.
pub(crate) fn shop_timezone() -> String {
    use_context::<PageZone>().map_or_else(|| "UTC".to_owned(), |PageZone(zone)| zone.timezone)
}

/// The zone in the document's head, for the browser to read back.
#[component]
pub(crate) fn ShopZoneMeta() -> impl IntoView {
    page_zone().map(|zone| view! { <meta name=META_NAME content=zone.to_text()/> })
}

/// The zone the page is rendered for: on the server, what the page middleware found.
#[cfg(feature = "ssr")]
fn page_zone() -> Option<ShopZone> {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<ShopZone>().cloned())
}

/// The zone the page was rendered for: in the browser, read back from the `<meta>`.
#[cfg(not(feature = "ssr"))]
fn page_zone() -> Option<ShopZone> {
    let meta = document()
        .query_selector("meta[name=pizzeria-zone]")
        .ok()??;
    ShopZone::from_text(&meta.get_attribute("content")?)
}

/// Runs `check` in an app whose shop keeps `zone`.
#[cfg(test)]
pub(crate) fn with_shop_zone(zone: ShopZone, check: impl FnOnce()) {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(PageZone(zone));
        check();
    });
}
