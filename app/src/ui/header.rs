//! The red bar at the top of every page: the brand, which links home, the way to a
//! customer's orders, and who is signed in — for a customer with a count of unread
//! notifications, which any page that sees an order change refreshes
//! ([`AccountRefresh`]).
//!
//! Who is signed in costs the menu's wasm nothing to know: the server looks the account
//! up before rendering the page ([`PageAccount`](crate::api::PageAccount), set by the
//! server's page middleware), renders the header with it, and writes it into a `<meta>`
//! of the document's head ([`AccountMeta`], in the server-only shell), where the browser
//! reads it back to hydrate the same header. No resource, no request. Only a refresh
//! asks the server again (`current_account`), from the lazy pages that call it.

use crate::contracts::{AccountBadge, AccountRole};
use crate::ui::erase::Erase;
use leptos::prelude::*;

/// The `name` of the `<meta>` that carries the signed-in account to the browser, and
/// the selector that finds it.
const META_NAME: &str = "pizzeria-account";
#[cfg(not(feature = "ssr"))]
const META_SELECTOR: &str = "meta[name=pizzeria-account]";

/// The signed-in account the header shows, and the highest event position it is known
/// to include. Provided for the whole app.
#[derive(Debug, Clone, Copy)]
pub(crate) struct AccountRefresh {
    badge: RwSignal<Option<AccountBadge>>,
    seen: RwSignal<i64>,
}

impl AccountRefresh {
    /// Provides one for the whole app, holding the account the page was rendered for.
    pub(crate) fn provide() {
        provide_context(Self {
            badge: RwSignal::new(page_account()),
            seen: RwSignal::new(0),
        });
    }

    /// The app's, taken while a component renders (callbacks run outside it).
    pub(crate) fn current() -> Option<Self> {
        use_context::<Self>()
    }

    /// Reads a customer's unread count again, including at least event `position` (an
    /// order update the page saw, or a change to the inbox). Answers that come back out
    /// of order never replace a newer one; guests and staff have no count to refresh.
    /// Called from the browser's event handlers only: the server renders what the page
    /// middleware found.
    pub(crate) fn after(self, position: i64) {
        let customer = self
            .badge
            .with_untracked(|badge| matches!(badge, Some(b) if b.role == AccountRole::Customer));
        if !customer || self.seen.get_untracked() >= position {
            return;
        }
        self.seen.set(position);
        leptos::task::spawn_local(async move {
            if let Ok(badge) = crate::api::current_account(Some(position)).await
                && self.seen.try_get_untracked() == Some(position)
            {
                self.badge.try_set(badge);
            }
        });
    }
}

#[component]
pub(crate) fn SiteHeader() -> impl IntoView {
    let badge = AccountRefresh::current().map(|refresh| refresh.badge);
    view! {
        <header class="site-header">
            <div class="site-header-inner">
                <a class="brand" href="/">
                    <span class="brand-mark" aria-hidden="true"></span>
                    "Mario's Pizzeria"
                </a>
                <p class="tagline">"Wood-fired pizza, delivered hot"</p>
                <nav class="site-nav" aria-label="Site">
                    <a href="/orders">"My orders"</a>
                    {move || account_link(badge.and_then(|badge| badge.get()))}
                </nav>
            </div>
        </header>
    }
}

/// "Sign in" for a guest; the account's name (and unread count) for a customer; the
/// staff pages for staff.
fn account_link(account: Option<AccountBadge>) -> AnyView {
    let Some(AccountBadge { role, name, unread }) = account else {
        return view! { <a href="/account/login">"Sign in"</a> }.erase();
    };
    if role != AccountRole::Customer {
        return view! { <a href="/staff" data-testid="signed-in-as">{name}" · Staff"</a> }.erase();
    }
    let count = match unread {
        0 => "no unread notifications".to_owned(),
        1 => "1 unread notification".to_owned(),
        n => n.to_string() + " unread notifications",
    };
    let label = "Your account, ".to_owned() + &name + ": " + &count;
    let badge = (unread > 0).then(|| {
        view! { <span class="unread-badge" data-testid="unread-count" aria-hidden="true">{unread}</span> }
    });
    view! {
        <a href="/account" aria-label=label data-testid="signed-in-as">
            {name}
            {badge}
        </a>
    }
    .erase()
}

/// The `<meta>` that hands the page's account to the browser: in the shell's head,
/// which only the server renders.
#[component]
pub(crate) fn AccountMeta() -> impl IntoView {
    page_account().map(|AccountBadge { role, name, unread }| {
        view! {
            <meta name=META_NAME content=name data-role=role_name(role) data-unread=unread/>
        }
    })
}

fn role_name(role: AccountRole) -> &'static str {
    match role {
        AccountRole::Customer => "customer",
        AccountRole::Chef => "chef",
        AccountRole::Driver => "driver",
        AccountRole::Manager => "manager",
    }
}

/// The account the page is rendered for: on the server, what the page middleware found.
#[cfg(feature = "ssr")]
fn page_account() -> Option<AccountBadge> {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<crate::api::PageAccount>().cloned())
        .and_then(|crate::api::PageAccount(account)| account)
}

/// The account the page was rendered for: in the browser, read back from the `<meta>`.
#[cfg(not(feature = "ssr"))]
fn page_account() -> Option<AccountBadge> {
    let meta = document().query_selector(META_SELECTOR).ok()??;
    let role = match meta.get_attribute("data-role")?.as_str() {
        "customer" => AccountRole::Customer,
        "chef" => AccountRole::Chef,
        "driver" => AccountRole::Driver,
        "manager" => AccountRole::Manager,
        _ => return None,
    };
    Some(AccountBadge {
        role,
        name: meta.get_attribute("content")?,
        unread: meta.get_attribute("data-unread")?.parse().ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_has_the_name_the_browser_reads_back() {
        let names = [
            AccountRole::Customer,
            AccountRole::Chef,
            AccountRole::Driver,
            AccountRole::Manager,
        ]
        .map(role_name);
        assert_eq!(names, ["customer", "chef", "driver", "manager"]);
        assert_eq!(serde_json::to_value(AccountRole::Driver).unwrap(), "driver");
    }
}
