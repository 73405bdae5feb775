//! One pizza on the menu: what it is, what each size costs, and the choices (size,
//! extra toppings, quantity) that become a cart line when the customer adds it.

use crate::contracts::{MAX_QUANTITY, MenuItem, PizzaSize, TOPPING_PRICE, unit_price};
use crate::ui::cart::{CartLine, use_cart};
use crate::ui::format::{money, size_label};
use crate::ui::radio::radio;
use leptos::prelude::*;
use std::time::Duration;

/// How long the "Added!" confirmation stays visible.
const FEEDBACK_TIME: Duration = Duration::from_millis(2500);

/// A pizza card: an `<article>` named after the pizza.
#[component]
pub(crate) fn PizzaCard(item: MenuItem) -> impl IntoView {
    let ready = use_cart().ready;
    let size = RwSignal::new(default_size(&item.available_sizes));
    let toppings = RwSignal::new(Vec::<String>::new());
    let quantity = RwSignal::new(String::from("1"));
    let feedback = RwSignal::new(String::new());

    // "Small $10.39 · Medium $12.99 · Large $16.89", each pair kept on one line.
    let base_price = item.base_price;
    let prices = item
        .available_sizes
        .iter()
        .enumerate()
        .map(move |(index, &size)| {
            let price = format!(
                "{} {}",
                size_label(size),
                money(unit_price(base_price, size, 0))
            );
            view! { {(index > 0).then_some(" · ")}<span class="size-price">{price}</span> }
        });
    let add_label = format!("Add {} to order", item.name);
    let add = add_to_cart(item.clone(), size, toppings, quantity, feedback);

    view! {
        <article class="card pizza" aria-label=item.name.clone()>
            <header class="pizza-head">
                <h2 class="pizza-name">{item.name.clone()}</h2>
                {item.is_seasonal.then(|| view! { <span class="badge badge-seasonal">"Seasonal"</span> })}
                <span class="pizza-time">{format!("{} min", item.preparation_time_minutes)}</span>
            </header>
            <p class="pizza-description">{item.description.clone()}</p>
            <p class="pizza-prices">{prices.collect_view()}</p>
            <SizeChoice pizza_id=item.id.clone() sizes=item.available_sizes.clone() size/>
            <ToppingChoice available=item.available_toppings.clone() toppings/>
            <div class="pizza-actions">
                <label class="quantity">
                    "Quantity"
                    <input
                        type="number"
                        inputmode="numeric"
                        min="1"
                        max=MAX_QUANTITY.to_string()
                        value="1"
                        on:input=move |ev| quantity.set(event_target_value(&ev))
                    />
                </label>
                <button
                    type="button"
                    class="button button-primary"
                    aria-label=add_label
                    disabled=move || !ready.get()
                    on:click=move |_| add()
                >
                    "Add to order"
                </button>
            </div>
            <p class="pizza-feedback" role="status" aria-live="polite">{feedback}</p>
        </article>
    }
}

/// Medium when the pizza comes in it, else its first size.
fn default_size(sizes: &[PizzaSize]) -> PizzaSize {
    if sizes.contains(&PizzaSize::Medium) {
        PizzaSize::Medium
    } else {
        sizes.first().copied().unwrap_or(PizzaSize::Medium)
    }
}

/// The click handler of the add button: checks the quantity, adds the line and shows a
/// short confirmation that clears itself.
fn add_to_cart(
    item: MenuItem,
    size: RwSignal<PizzaSize>,
    toppings: RwSignal<Vec<String>>,
    quantity: RwSignal<String>,
    feedback: RwSignal<String>,
) -> impl Fn() + Copy + 'static {
    let cart = use_cart().cart;
    let item = StoredValue::new(item);
    // Counts confirmations, so an older timer never hides a newer message.
    let shown = StoredValue::new(0u32);
    move || {
        let Some(count) = quantity
            .with(|text| text.trim().parse::<u32>().ok())
            .filter(|n| (1..=MAX_QUANTITY).contains(n))
        else {
            feedback.set(format!("Choose a quantity from 1 to {MAX_QUANTITY}."));
            return;
        };
        let line = item.with_value(|item| CartLine {
            id: 0,
            pizza_id: item.id.clone(),
            pizza_name: item.name.clone(),
            base_price: item.base_price,
            size: size.get_untracked(),
            // In menu order, whatever order they were ticked in, so equal choices merge.
            toppings: item
                .available_toppings
                .iter()
                .filter(|topping| toppings.with_untracked(|chosen| chosen.contains(topping)))
                .cloned()
                .collect(),
            quantity: count,
            special_instructions: String::new(),
        });
        cart.update(|cart| cart.add(line));
        feedback.set("Added!".to_owned());
        shown.update_value(|n| *n += 1);
        let this_one = shown.get_value();
        set_timeout(
            move || {
                if shown.try_get_value() == Some(this_one) {
                    feedback.set(String::new());
                }
            },
            FEEDBACK_TIME,
        );
    }
}

/// The size radios; each radio's name is just the size word.
#[component]
fn SizeChoice(pizza_id: String, sizes: Vec<PizzaSize>, size: RwSignal<PizzaSize>) -> impl IntoView {
    let group = format!("size-{pizza_id}");
    let radios = sizes.into_iter().map(move |choice| {
        radio(
            group.clone(),
            choice,
            choice.as_str(),
            size_label(choice),
            size,
        )
    });
    view! {
        <fieldset class="choices sizes">
            <legend>"Size"</legend>
            {radios.collect_view()}
        </fieldset>
    }
}

/// The extra topping checkboxes; each one's name starts with the topping.
#[component]
fn ToppingChoice(available: Vec<String>, toppings: RwSignal<Vec<String>>) -> impl IntoView {
    if available.is_empty() {
        return None;
    }
    let extra = format!("+{}", money(TOPPING_PRICE));
    let boxes = available.into_iter().map(move |topping| {
        let name = topping.clone();
        let toggle = move |ev| {
            let checked = event_target_checked(&ev);
            toppings.update(|chosen| {
                chosen.retain(|known| known != &name);
                if checked {
                    chosen.push(name.clone());
                }
            });
        };
        view! {
            <label class="choice">
                <input type="checkbox" value=topping.clone() on:change=toggle/>
                <span>{topping}</span>
                <span class="extra">{extra.clone()}</span>
            </label>
        }
    });
    Some(view! {
        <fieldset class="choices toppings">
            <legend>"Extra toppings"</legend>
            {boxes.collect_view()}
        </fieldset>
    })
}
