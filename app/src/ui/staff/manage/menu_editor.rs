//! The menu editor section: every pizza, those customers no longer see included, with
//! what a manager can do to each, the button that adds one, and the toast that says
//! what the last change did. After a change the list reloads, asking the server to
//! include that change (`min_position`), so it never shows the menu from before it.

use super::add_form::AddPizzaPanel;
use super::editor::Editor;
use super::pizza_row::PizzaRow;
use super::toast::Toast;
use crate::api::get_editable_menu;
use crate::contracts::{EditablePizza, distinct_categories};
use crate::ui::erase::Erase;
use crate::ui::layout::Loading;
use crate::ui::server_data::server_resource;
use leptos::either::EitherOf3;
use leptos::prelude::*;

/// The "Menu" section of the management page.
#[component]
pub(super) fn MenuEditor() -> impl IntoView {
    let editor = Editor::new();
    let menu = server_resource(move || editor.seen.get(), get_editable_menu);
    // For the add form's suggestions; it only opens after hydration, so reading the
    // resource outside a `Suspense` cannot make the server's HTML differ from the browser's.
    let categories = Signal::derive(move || {
        menu.get()
            .and_then(Result::ok)
            .map(|pizzas| categories_of(&pizzas))
            .unwrap_or_default()
    });

    view! {
        <section class="manage-section" id="menu-editor" aria-labelledby="menu-editor-heading">
            <div class="section-head">
                <div>
                    <h2 id="menu-editor-heading">"Menu"</h2>
                    <p class="section-note">
                        "Every pizza, including those taken off the menu. Prices are for a medium pizza."
                    </p>
                </div>
                <AddPizzaPanel editor categories/>
            </div>
            // Transition: a reload keeps the list in place until the new one is there.
            <Transition fallback=|| view! { <Loading text="Loading the menu…"/> }.erase()>
                {move || Suspend::new(async move {
                    let view = match menu.await {
                        Ok(pizzas) if pizzas.is_empty() => EitherOf3::A(view! {
                            <p class="notice">"The menu is empty. Add the first pizza."</p>
                        }),
                        Ok(pizzas) => EitherOf3::B(view! { <PizzaList pizzas editor/> }),
                        Err(error) => EitherOf3::C(view! { <p class="alert" role="alert">{error.to_string()}</p> }),
                    };
                    view.erase()
                })}
            </Transition>
            <Toast notice=editor.notice/>
        </section>
    }
}

/// The pizzas in menu order.
#[component]
fn PizzaList(pizzas: Vec<EditablePizza>, editor: Editor) -> impl IntoView {
    let hidden = pizzas.iter().filter(|pizza| !pizza.available).count();
    let count = match (pizzas.len(), hidden) {
        (1, 0) => "1 pizza".to_owned(),
        (all, 0) => format!("{all} pizzas"),
        (all, hidden) => format!("{all} pizzas, {hidden} off the menu"),
    };

    view! {
        <p class="list-count">{count}</p>
        <ul class="pizza-rows">
            {pizzas.into_iter().map(|pizza| view! { <PizzaRow pizza editor/> }).collect_view()}
        </ul>
    }
}

/// The distinct categories, in menu order.
fn categories_of(pizzas: &[EditablePizza]) -> Vec<String> {
    distinct_categories(pizzas.iter().map(|pizza| pizza.category.as_str()))
}
