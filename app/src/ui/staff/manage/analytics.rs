//! The analytics section: popular pizzas, revenue (see `revenue`) and orders by status,
//! each a card with a chart drawn from the read models. The route renders with
//! `SsrMode::Async`, so the first HTML already holds every chart.

use super::bar_chart::{Bar, BarChart};
use super::kitchen_card::KitchenCard;
use super::overview::OverviewCard;
use super::revenue::RevenueCard;
use crate::api::{get_order_counts_by_status, get_popular_pizzas};
use crate::contracts::{GetOrderCountsByStatus, GetPopularPizzas, PopularPizza, StatusCount};
use crate::ui::erase::Erase;
use crate::ui::format::orders;
use crate::ui::layout::Loading;
use crate::ui::server_data::server_resource;
use crate::ui::shop_zone::shop_timezone;
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

/// How many days the popular pizzas and the status counts look back.
const DAYS: u32 = 30;
/// How many pizzas the popularity chart shows.
const TOP: u32 = 10;

/// The "Analytics" section of the management page.
#[component]
pub(super) fn Analytics() -> impl IntoView {
    view! {
        <section class="manage-section" id="analytics" aria-labelledby="analytics-heading">
            <div class="section-head">
                <div>
                    <h2 id="analytics-heading">"Analytics"</h2>
                    <p class="section-note">
                        "Times and days are the shop's (" {shop_timezone()} "). Cancelled orders count in neither sales nor revenue."
                    </p>
                </div>
            </div>
            <OverviewCard/>
            <div class="chart-grid">
                <RevenueCard/>
                <PopularPizzasCard/>
                <OrdersByStatusCard/>
                <KitchenCard/>
            </div>
        </section>
    }
}

/// The most sold pizzas of the last [`DAYS`] days.
#[component]
fn PopularPizzasCard() -> impl IntoView {
    let query = GetPopularPizzas {
        days: DAYS,
        limit: TOP,
        min_position: None,
    };
    let pizzas = server_resource(|| (), move |_| get_popular_pizzas(query.clone()));
    let chart = move || {
        Suspend::new(async move {
            let view = match pizzas.await {
                Ok(pizzas) if pizzas.is_empty() => EitherOf3::A(view! {
                    <p class="notice">"No pizzas sold in the last " {DAYS} " days."</p>
                }),
                Ok(pizzas) => EitherOf3::B(
                    view! { <BarChart title="Popular pizzas" bars=popularity_bars(pizzas)/> },
                ),
                Err(error) => {
                    EitherOf3::C(view! { <p class="alert" role="alert">{error.to_string()}</p> })
                }
            };
            view.erase()
        })
    };

    view! {
        <article class="card chart-card" aria-labelledby="popular-heading">
            <h3 id="popular-heading">"Popular pizzas"</h3>
            <p class="chart-note">"Pizzas sold over the last " {DAYS} " days, most first."</p>
            <Suspense fallback=|| view! { <Loading text="Counting pizzas…"/> }.erase()>{chart}</Suspense>
        </article>
    }
}

/// Where the orders of the last [`DAYS`] days are now.
#[component]
fn OrdersByStatusCard() -> impl IntoView {
    let query = GetOrderCountsByStatus {
        days: DAYS,
        min_position: None,
    };
    let counts = server_resource(|| (), move |_| get_order_counts_by_status(query.clone()));
    let chart = move || {
        Suspend::new(async move {
            let view = match counts.await {
                Ok(counts) => {
                    let total: u64 = counts.iter().map(|entry| entry.count).sum();
                    Either::Left(view! {
                        <p class="chart-total">{orders(total)} " placed in the last " {DAYS} " days"</p>
                        <BarChart title="Orders by status" bars=status_bars(counts)/>
                    })
                }
                Err(error) => {
                    Either::Right(view! { <p class="alert" role="alert">{error.to_string()}</p> })
                }
            };
            view.erase()
        })
    };

    view! {
        <article class="card chart-card" aria-labelledby="status-heading">
            <h3 id="status-heading">"Orders by status"</h3>
            <p class="chart-note">"Where the recent orders are now."</p>
            <Suspense fallback=|| view! { <Loading text="Counting orders…"/> }.erase()>{chart}</Suspense>
        </article>
    }
}

fn popularity_bars(pizzas: Vec<PopularPizza>) -> Vec<Bar> {
    pizzas
        .into_iter()
        .map(|pizza| Bar {
            label: pizza.pizza_name,
            value: pizza.quantity as f64,
            text: format!("{} sold, {}", pizza.quantity, orders(pizza.orders)),
            class: "bar-popular",
        })
        .collect()
}

fn status_bars(counts: Vec<StatusCount>) -> Vec<Bar> {
    counts
        .into_iter()
        .map(|entry| {
            let name = entry.status.as_str();
            Bar {
                // Capitalised by hand: ASCII only, no Unicode tables in the wasm.
                label: name[..1].to_ascii_uppercase() + &name[1..],
                value: entry.count as f64,
                text: orders(entry.count),
                class: status_class(name),
            }
        })
        .collect()
}

/// The bar colour of a status, as its badge's.
fn status_class(status: &str) -> &'static str {
    match status {
        "pending" => "bar-pending",
        "cooking" => "bar-cooking",
        "ready" => "bar-ready",
        "delivering" => "bar-delivering",
        "delivered" => "bar-delivered",
        _ => "bar-cancelled",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::OrderStatus;

    #[test]
    fn status_bars_keep_the_lifecycle_order_with_readable_names() {
        let counts = vec![
            StatusCount {
                status: OrderStatus::Pending,
                count: 2,
            },
            StatusCount {
                status: OrderStatus::Delivering,
                count: 1,
            },
            StatusCount {
                status: OrderStatus::Cancelled,
                count: 0,
            },
        ];
        let bars = status_bars(counts);
        let read: Vec<_> = bars
            .iter()
            .map(|bar| (bar.label.as_str(), bar.text.as_str(), bar.class))
            .collect();
        assert_eq!(
            read,
            [
                ("Pending", "2 orders", "bar-pending"),
                ("Delivering", "1 order", "bar-delivering"),
                ("Cancelled", "0 orders", "bar-cancelled"),
            ]
        );
    }

    #[test]
    fn popular_pizzas_say_how_many_were_sold_in_how_many_orders() {
        let pizza = PopularPizza {
            pizza_id: "funghi".into(),
            pizza_name: "Funghi".into(),
            quantity: 5,
            orders: 1,
        };
        let bars = popularity_bars(vec![pizza]);
        assert_eq!((bars[0].label.as_str(), bars[0].value), ("Funghi", 5.0));
        assert_eq!(bars[0].text, "5 sold, 1 order");
    }
}
