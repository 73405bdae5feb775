//! The stock: every ingredient with what is left to sell, held by orders and on hand, the
//! ones running low first in a warning, and a count form per ingredient. A count below
//! what a pizza needs sells it out on the menu at once.

use crate::api::{list_inventory, set_stock};
use crate::contracts::{SetStock, StockLevel};
use crate::ui::erase::Erase;
use crate::ui::layout::Loading;
use crate::ui::server_data::server_resource;
use leptos::either::Either;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The section; `seen` counts counts, so the levels reload after each.
#[component]
pub(super) fn StockSection() -> impl IntoView {
    let seen = RwSignal::new(0_u32);
    let levels = server_resource(move || seen.get(), list_inventory);
    let status = RwSignal::new(None::<String>);
    view! {
        <section class="manage-section" id="stock" aria-labelledby="stock-heading">
            <div class="section-head">
                <div>
                    <h2 id="stock-heading">"Stock"</h2>
                    <p class="section-note">
                        "What is left to sell of each ingredient. Placed orders hold what they need \
                         until they are cooked; a pizza whose ingredient runs out leaves the menu."
                    </p>
                </div>
            </div>
            <p class="form-status" role="status">{move || status.get()}</p>
            <Transition fallback=|| view! { <Loading text="Loading the stock…"/> }.erase()>
                {move || Suspend::new(async move {
                    let view = match levels.await {
                        Ok(levels) => Either::Left(view! { <StockTable levels seen status/> }),
                        Err(error) => Either::Right(view! { <p class="alert" role="alert">{error.to_string()}</p> }),
                    };
                    view.erase()
                })}
            </Transition>
        </section>
    }
}

#[component]
fn StockTable(
    levels: Vec<StockLevel>,
    seen: RwSignal<u32>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let low: Vec<String> = levels
        .iter()
        .filter(|level| level.is_low())
        .map(|level| level.ingredient.clone())
        .collect();
    let warning = (!low.is_empty()).then(|| {
        view! { <p class="alert" role="alert">"Running low: " {low.join(", ")} "."</p> }
    });
    let rows = levels
        .into_iter()
        .map(|level| view! { <StockRow level seen status/> })
        .collect_view();
    view! {
        {warning}
        <div class="table-scroll">
            <table class="stock-table">
                <thead><tr><th scope="col">"Ingredient"</th><th scope="col" class="num">"Left to sell"</th>
                    <th scope="col" class="num">"Held by orders"</th><th scope="col">"On hand"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn StockRow(
    level: StockLevel,
    seen: RwSignal<u32>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let ingredient = level.ingredient.clone();
    let unit = level.unit.clone();
    let typed = RwSignal::new(level.on_hand.to_string());
    let input_id = format!("stock-{}", ingredient.replace(' ', "-"));
    let save = {
        let ingredient = ingredient.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let Ok(on_hand) = typed.get_untracked().trim().parse::<i64>() else {
                status.set(Some(format!(
                    "The count of {ingredient} is a whole number."
                )));
                return;
            };
            let command = SetStock {
                ingredient: ingredient.clone(),
                on_hand,
                low_stock_at: None,
            };
            leptos::task::spawn_local(async move {
                let outcome = set_stock(command).await;
                if seen.is_disposed() {
                    return;
                }
                status.set(Some(match outcome {
                    Ok(level) => format!(
                        "Counted {}: {} {} left to sell.",
                        level.ingredient, level.available, level.unit
                    ),
                    Err(error) => error.to_string(),
                }));
                seen.update(|n| *n += 1);
            });
        }
    };
    let low = level
        .is_low()
        .then_some(view! { " " <span class="badge badge-low">"Low"</span> });
    view! {
        <tr class:low=level.is_low()>
            <th scope="row">{ingredient.clone()} {low}</th>
            <td class="num">{format!("{} {unit}", level.available)}</td>
            <td class="num">{format!("{} {unit}", level.reserved)}</td>
            <td>
                <form class="stock-count" aria-label=format!("Count {ingredient}") on:submit=save>
                    <label class="visually-hidden" for=input_id.clone()>{format!("{ingredient} on hand")}</label>
                    <input id=input_id type="number" min="0" step="1" inputmode="numeric"
                        prop:value=typed on:input=move |ev| typed.set(event_target_value(&ev))/>
                    <span class="unit">{unit.clone()}</span>
                    <button type="submit" class="button button-small">"Save"</button>
                </form>
            </td>
        </tr>
    }
}
