//! The kitchen card of the analytics section: how the kitchen cooked over the last
//! [`DAYS`] days, against its estimates, and each chef's part.

use crate::api::get_kitchen_performance;
use crate::contracts::{CookingFigures, KitchenPerformance};
use crate::ui::erase::Erase;
use crate::ui::layout::Loading;
use crate::ui::server_data::server_resource;
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

/// How many days the card looks back.
const DAYS: u32 = 7;

/// The kitchen's cooking times over the last [`DAYS`] days.
#[component]
pub(super) fn KitchenCard() -> impl IntoView {
    let performance = server_resource(|| (), |_| get_kitchen_performance(DAYS));
    let figures = move || {
        Suspend::new(async move {
            let view = match performance.await {
                Ok(performance) if performance.kitchen.orders == 0 => EitherOf3::A(view! {
                    <p class="notice">"Nothing came out of the oven in the last " {DAYS} " days."</p>
                }),
                Ok(performance) => EitherOf3::B(view! { <Performance performance/> }),
                Err(error) => {
                    EitherOf3::C(view! { <p class="alert" role="alert">{error.to_string()}</p> })
                }
            };
            view.erase()
        })
    };

    view! {
        <article class="card chart-card" aria-labelledby="kitchen-heading">
            <h3 id="kitchen-heading">"Kitchen"</h3>
            <p class="chart-note">
                "Start of cooking to ready over the last " {DAYS} " days, against the estimate."
            </p>
            <Suspense fallback=|| view! { <Loading text="Timing the kitchen…"/> }.erase()>{figures}</Suspense>
        </article>
    }
}

/// The kitchen's figures, then each chef's.
#[component]
fn Performance(performance: KitchenPerformance) -> impl IntoView {
    let kitchen = &performance.kitchen;
    let busiest = performance.busiest_hour.as_ref().map_or_else(
        || "–".to_owned(),
        |busiest| format!("{:02}:00 · {}", busiest.hour, busiest.orders),
    );
    let tiles = [
        ("Orders cooked", kitchen.orders.to_string()),
        ("Average", vs_estimate(kitchen)),
        ("9 in 10 within", minutes(kitchen.p90_cooking_secs)),
        ("On time", percent(kitchen.on_time_percent)),
        ("Busiest hour", busiest),
    ]
    .map(|(name, value)| {
        view! {
            <div class="tile">
                <dt>{name}</dt>
                <dd class="tile-value">{value}</dd>
            </div>
        }
    });
    let chefs = (!performance.chefs.is_empty()).then(|| {
        let rows = performance
            .chefs
            .iter()
            .map(|chef| {
                view! {
                    <tr>
                        <th scope="row">{chef.chef.clone()}</th>
                        <td>{chef.figures.orders}</td>
                        <td>{vs_estimate(&chef.figures)}</td>
                        <td>{percent(chef.figures.on_time_percent)}</td>
                    </tr>
                }
            })
            .collect_view();
        Either::Left(view! {
            <table class="chef-table">
                <caption>"By chef (who started the order)"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Chef"</th>
                        <th scope="col">"Orders"</th>
                        <th scope="col">"Average"</th>
                        <th scope="col">"On time"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        })
    });
    view! {
        <dl class="tiles" data-testid="kitchen-performance">{tiles.into_iter().collect_view()}</dl>
        {chefs.unwrap_or(Either::Right(()))}
    }
}

/// `14 min (est. 15)`.
fn vs_estimate(figures: &CookingFigures) -> String {
    match figures.average_estimate_secs {
        Some(estimate) => format!(
            "{} (est. {})",
            minutes(figures.average_cooking_secs),
            minutes(Some(estimate))
        ),
        None => minutes(figures.average_cooking_secs),
    }
}

/// `14 min`, to the nearest minute; `–` for none.
fn minutes(secs: Option<u32>) -> String {
    secs.map_or_else(
        || "–".to_owned(),
        |secs| format!("{} min", (secs + 30) / 60),
    )
}

/// `60%`; `–` for none.
fn percent(value: Option<u32>) -> String {
    value.map_or_else(|| "–".to_owned(), |value| format!("{value}%"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_in_minutes_against_their_estimate() {
        let figures = CookingFigures {
            orders: 3,
            average_cooking_secs: Some(14 * 60 + 20),
            p90_cooking_secs: Some(18 * 60 + 40),
            average_estimate_secs: Some(15 * 60),
            on_time_percent: Some(67),
        };
        assert_eq!(vs_estimate(&figures), "14 min (est. 15 min)");
        assert_eq!(minutes(figures.p90_cooking_secs), "19 min");
        assert_eq!(percent(figures.on_time_percent), "67%");
        assert_eq!(vs_estimate(&CookingFigures::default()), "–");
    }
}
