//! The history page (`/orders?page=…`): a signed-in customer's lifetime figures and the
//! orders they placed while signed in. Anyone else is asked to sign in; a guest's order
//! stays behind the link of its own page. Staff get a phone-number form instead
//! (`/orders?phone=…`) to look up a guest's history: a phone number is no secret, so
//! only staff may. The form submits with a plain GET, so it works before (or without)
//! the wasm; the route renders with `SsrMode::Async`, so the answer is in the first
//! HTML. A number the server rejects (422) is shown on the field, as the checkout does.

use super::saved_phone;
use crate::api::{get_customer_history, get_my_orders};
use crate::contracts::{
    CustomerHistory, GetCustomerHistory, GetMyOrders, OrderSummary, PizzaTally,
};
use crate::error::AppError;
use crate::ui::account::{SignInPrompt, SignOut};
use crate::ui::erase::Erase;
use crate::ui::format::{clock_time, encode_query_value, long_date, money, short_id};
use crate::ui::layout::{ErrorNotice, Loading};
use crate::ui::server_data::server_resource;
use leptos::either::EitherOf4;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/orders`.
#[component]
pub(crate) fn OrderHistoryPage() -> impl IntoView {
    let query = use_query_map();
    // The phone as typed (staff only), when there is one, and the page asked for.
    let lookup = Memo::new(move |_| {
        query.with(|query| {
            let phone = query.get("phone").map(|phone| phone.trim().to_owned());
            let page = query.get("page").and_then(|page| page.parse::<u32>().ok());
            (phone.filter(|phone| !phone.is_empty()), page.unwrap_or(1))
        })
    });
    let history = server_resource(
        move || lookup.get(),
        |(phone, page)| async move {
            match phone {
                Some(phone) => {
                    let query = GetCustomerHistory {
                        page,
                        ..GetCustomerHistory::new(phone)
                    };
                    get_customer_history(query).await.map(Some)
                }
                None => {
                    let query = GetMyOrders {
                        page,
                        ..GetMyOrders::default()
                    };
                    match get_my_orders(query).await {
                        // Staff have no orders of their own: they look a phone up.
                        Err(error) if error.status() == Some(403) => Ok(None),
                        answer => answer.map(Some),
                    }
                }
            }
        },
    );

    view! {
        <Title text="Your orders · Mario's Pizzeria"/>
        <section class="history">
            <h1>"Your orders"</h1>
            // Transition: turning a page keeps this one until the next arrives.
            <Transition fallback=|| view! { <Loading text="Looking up your orders…"/> }.erase()>
                {move || Suspend::new(async move {
                    let typed = lookup.get_untracked().0;
                    let view = match (history.await, typed) {
                        (Ok(None), typed) => EitherOf4::A(view! {
                            <PhoneForm phone=typed.unwrap_or_default() error=None/>
                        }),
                        (Ok(Some(history)), typed) => EitherOf4::B(view! {
                            // Staff looked a phone up: the form stays for the next one.
                            // A customer sees their own, and can sign out.
                            {match typed {
                                Some(phone) => view! { <PhoneForm phone error=None/> }.erase(),
                                None => view! { <SignOut note="Orders placed while signed in to your account."/> }.erase(),
                            }}
                            <HistoryResults history/>
                        }),
                        (Err(error), _) if matches!(error.status(), Some(401 | 403)) => {
                            EitherOf4::C(view! { <SignInPrompt next="/orders" reason="Sign in to see the orders you placed with your account."/> })
                        }
                        (Err(error), typed) => {
                            EitherOf4::D(lookup_failed(typed.unwrap_or_default(), error))
                        }
                    };
                    view.erase()
                })}
            </Transition>
        </section>
    }
    .erase()
}

/// The form again, with the server's reason on the field when it names the phone
/// number, otherwise in an alert below.
fn lookup_failed(phone: String, error: AppError) -> impl IntoView {
    let message = error.field_message("phone");
    let notice = message.is_none().then(|| view! { <ErrorNotice error/> });
    view! {
        <PhoneForm phone error=message/>
        {notice}
    }
}

/// "Phone number" and a button; a GET to `/orders`. Offers the number of the last
/// order placed in this browser when none is given.
#[component]
fn PhoneForm(phone: String, error: Option<String>) -> impl IntoView {
    let value = RwSignal::new(phone);
    // Effects run only in the browser, after hydration, so the server's HTML matches.
    Effect::new(move |_| {
        if value.with_untracked(String::is_empty)
            && let Some(saved) = saved_phone::recall()
        {
            value.set(saved);
        }
    });
    let invalid = error.is_some().then_some("true");
    let described_by = match error {
        Some(_) => "history-phone-error history-phone-hint",
        None => "history-phone-hint",
    };

    view! {
        <form class="card history-form" method="get" action="/orders">
            <label for="history-phone">"Phone number"</label>
            <div class="history-form-row">
                <input
                    id="history-phone"
                    name="phone"
                    type="tel"
                    autocomplete="tel"
                    required
                    value=value
                    aria-invalid=invalid
                    aria-describedby=described_by
                />
                <button type="submit" class="button button-primary">"Show my orders"</button>
            </div>
            {error.map(|message| view! { <p class="field-error" id="history-phone-error" role="alert">{message}</p> })}
            <p class="history-hint" id="history-phone-hint">"The number you gave when you ordered."</p>
        </form>
    }
}

/// The figures and one page of orders, or a friendly word when there are none.
#[component]
fn HistoryResults(history: CustomerHistory) -> impl IntoView {
    let CustomerHistory {
        phone,
        order_count,
        total_spent,
        top_pizzas,
        orders,
    } = history;
    if orders.total == 0 {
        // A signed-in customer's own history has no phone: it is their account's.
        let whose = if phone.is_empty() {
            view! { "on your account" }.erase()
        } else {
            view! { "for " <strong>{phone}</strong> }.erase()
        };
        return view! {
            <div class="card history-empty" data-testid="history-empty">
                <p>"No orders " {whose} " yet. Hungry?"</p>
                <p><a class="button button-primary" href="/">"Browse the menu"</a></p>
            </div>
        }
        .erase();
    }
    let pages = page_count(orders.total, orders.page_size);
    let rows = orders
        .items
        .into_iter()
        .map(|order| view! { <HistoryRow order/> })
        .collect_view();

    view! {
        <dl class="card history-figures" aria-label="Your figures">
            <div><dt>"Orders"</dt><dd data-testid="history-order-count">{order_count}</dd></div>
            <div><dt>"Total spent"</dt><dd class="price" data-testid="history-total-spent">{money(total_spent)}</dd></div>
            <div class="history-favourites">
                <dt>"Favourite pizzas"</dt>
                <dd data-testid="history-favourites">{favourites(&top_pizzas)}</dd>
            </div>
        </dl>
        <section class="history-list" aria-labelledby="history-orders-heading">
            <h2 id="history-orders-heading">"Orders"</h2>
            <ul class="history-orders" data-testid="history-orders">{rows}</ul>
            {(pages > 1).then(|| view! { <Pager phone page=orders.page pages/> })}
        </section>
    }
    .erase()
}

/// One order: its number (a link to it), status, when, how many pizzas, how much.
#[component]
fn HistoryRow(order: OrderSummary) -> impl IntoView {
    let status = order.status.as_str();
    let pizzas = match order.pizza_count {
        1 => "1 pizza".to_owned(),
        count => format!("{count} pizzas"),
    };
    let placed = order.placed_at;
    view! {
        <li class="history-order">
            <a href=format!("/orders/{}", order.order_id)>
                "Order " <span class="order-number">{short_id(order.order_id)}</span>
            </a>
            <span class=format!("badge badge-{status}")>{status}</span>
            <time datetime=placed.to_rfc3339()>{long_date(placed)} ", " {clock_time(placed)}</time>
            <span class="history-order-pizzas">{pizzas}</span>
            <span class="price">{money(order.total_amount)}</span>
        </li>
    }
}

/// Links to the newer and older pages around "Page 2 of 5".
#[component]
fn Pager(phone: String, page: u32, pages: u32) -> impl IntoView {
    let href = move |page: u32| match phone.as_str() {
        "" => format!("/orders?page={page}"),
        phone => format!("/orders?phone={}&page={page}", encode_query_value(phone)),
    };
    let newer = (page > 1).then(|| view! { <a href=href(page - 1) rel="prev">"← Newer"</a> });
    let older = (page < pages).then(|| view! { <a href=href(page + 1) rel="next">"Older →"</a> });
    view! {
        <nav class="pager" aria-label="Pages of orders">
            {newer}
            <span>{format!("Page {page} of {pages}")}</span>
            {older}
        </nav>
    }
}

/// `Pepperoni (3), Margherita (1)`, or a dash when nothing counts yet.
fn favourites(tallies: &[PizzaTally]) -> String {
    if tallies.is_empty() {
        return "—".to_owned();
    }
    let named: Vec<String> = tallies
        .iter()
        .map(|tally| format!("{} ({})", tally.pizza_name, tally.quantity))
        .collect();
    named.join(", ")
}

/// How many pages `total` items fill, `page_size` to a page.
fn page_count(total: u64, page_size: u32) -> u32 {
    let pages = total.div_ceil(u64::from(page_size.max(1)));
    u32::try_from(pages).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_round_up_and_an_empty_history_has_none() {
        assert_eq!(page_count(0, 20), 0);
        assert_eq!(page_count(20, 20), 1);
        assert_eq!(page_count(21, 20), 2);
        assert_eq!(page_count(5, 0), 5);
    }

    #[test]
    fn favourites_name_each_pizza_with_its_count() {
        let tally = |name: &str, quantity| PizzaTally {
            pizza_id: name.to_lowercase(),
            pizza_name: name.to_owned(),
            quantity,
        };
        assert_eq!(favourites(&[]), "—");
        assert_eq!(
            favourites(&[tally("Pepperoni", 3), tally("Margherita", 1)]),
            "Pepperoni (3), Margherita (1)"
        );
    }
}
