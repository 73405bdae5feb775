//! The menu page (`/`): the category filter, the pizza cards and the cart beside them.
//! The category comes from the query string, so the filter links work without
//! JavaScript; the route renders with `SsrMode::Async`, so the first HTML already holds
//! every pizza and price.

use super::card::PizzaCard;
use super::shop_status::ShopStatusLine;
use crate::contracts::{MenuItem, distinct_categories};
use crate::ui::cart::{CartBar, CartPanel};
use crate::ui::erase::Erase;
use crate::ui::format::category_href;
use crate::ui::layout::{ErrorNotice, Loading};
use crate::ui::server_data::menu_resource;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The menu with its cart sidebar.
#[component]
pub(crate) fn MenuPage() -> impl IntoView {
    let query = use_query_map();
    let category = Memo::new(move |_| {
        query
            .with(|query| query.get("category"))
            .filter(|category| !category.trim().is_empty())
    });
    let menu = menu_resource(Box::new(move || category.get()));
    // The filtered menu only knows its own category, so the links come from the full one.
    let full_menu = menu_resource(Box::new(|| None));

    view! {
        <Title text="Our menu · Mario's Pizzeria"/>
        <div class="menu-layout">
            <section class="menu" aria-labelledby="menu-heading">
                <h1 id="menu-heading">"Our menu"</h1>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        let (categories, shop) = match full_menu.await {
                            Ok(menu) => (categories_of(&menu.items), Some(menu.shop)),
                            Err(_) => (Vec::new(), None),
                        };
                        view! {
                            {shop.map(|status| view! { <ShopStatusLine status/> })}
                            <CategoryNav categories current=category/>
                        }
                    })}
                </Suspense>
                // Transition, not Suspense: switching category keeps the old cards until
                // the new ones arrive instead of flashing the loading text.
                <Transition fallback=|| view! { <Loading text="Warming up the oven…"/> }.erase()>
                    {move || Suspend::new(async move {
                        let view = match menu.await {
                            Ok(menu) => Either::Left(view! { <PizzaGrid items=menu.items/> }),
                            Err(error) => Either::Right(view! { <ErrorNotice error/> }),
                        };
                        view.erase()
                    })}
                </Transition>
                <CartBar/>
            </section>
            <CartPanel/>
        </div>
    }
    .erase()
}

/// The distinct categories, in menu order.
fn categories_of(items: &[MenuItem]) -> Vec<String> {
    distinct_categories(items.iter().map(|item| item.category.as_str()))
}

/// Links to "All" and to each category; the one shown is marked `aria-current="page"`.
#[component]
fn CategoryNav(categories: Vec<String>, current: Memo<Option<String>>) -> impl IntoView {
    let is_current = move |category: Option<&str>| match (current.get(), category) {
        (None, None) => Some("page"),
        (Some(current), Some(category)) if current.eq_ignore_ascii_case(category) => Some("page"),
        _ => None,
    };
    let links = categories.into_iter().map(move |category| {
        let href = category_href(&category);
        let aria_current = {
            let category = category.clone();
            move || is_current(Some(&category))
        };
        view! { <li><a href=href aria-current=aria_current>{category}</a></li> }
    });

    view! {
        <nav class="categories" aria-label="Categories">
            <ul>
                <li><a href="/" aria-current=move || is_current(None)>"All"</a></li>
                {links.collect_view()}
            </ul>
        </nav>
    }
}

/// The pizza cards, or a note when a category has none.
#[component]
fn PizzaGrid(items: Vec<MenuItem>) -> impl IntoView {
    if items.is_empty() {
        return Either::Left(view! {
            <p class="notice">"No pizzas in this category today. " <a href="/">"See the whole menu"</a></p>
        });
    }
    Either::Right(view! {
        <div class="pizza-grid">
            {items.into_iter().map(|item| view! { <PizzaCard item/> }).collect_view()}
        </div>
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::PizzaSize;
    use rust_decimal::Decimal;

    fn item(id: &str, category: &str) -> MenuItem {
        MenuItem {
            id: id.into(),
            name: id.into(),
            description: String::new(),
            base_price: Decimal::TEN,
            category: category.into(),
            available_sizes: PizzaSize::ALL.to_vec(),
            available_toppings: Vec::new(),
            preparation_time_minutes: 10,
            available: true,
            is_seasonal: false,
            sold_out: false,
        }
    }

    #[test]
    fn categories_are_listed_once_in_menu_order() {
        let items = [
            item("a", "Classic"),
            item("b", "Veggie"),
            item("c", "classic"),
        ];
        assert_eq!(categories_of(&items), ["Classic", "Veggie"]);
    }
}
