//! The drivers card of the analytics section: the deliveries of the last [`DAYS`] days
//! and each driver's time on the road.

use super::kitchen_card::minutes;
use crate::api::get_driver_performance;
use crate::contracts::DriverPerformance;
use crate::ui::erase::Erase;
use crate::ui::layout::Loading;
use crate::ui::server_data::server_resource;
use leptos::either::EitherOf3;
use leptos::prelude::*;

/// How many days the card looks back.
const DAYS: u32 = 7;

/// The deliveries of the last [`DAYS`] days.
#[component]
pub(super) fn DriversCard() -> impl IntoView {
    let performance = server_resource(|| (), |_| get_driver_performance(DAYS));
    let figures = move || {
        Suspend::new(async move {
            let view = match performance.await {
                Ok(performance) if performance.all.deliveries == 0 => EitherOf3::A(view! {
                    <p class="notice">"Nothing delivered in the last " {DAYS} " days."</p>
                }),
                Ok(performance) => EitherOf3::B(view! { <Drivers performance/> }),
                Err(error) => {
                    EitherOf3::C(view! { <p class="alert" role="alert">{error.to_string()}</p> })
                }
            };
            view.erase()
        })
    };

    view! {
        <article class="card chart-card" aria-labelledby="drivers-heading">
            <h3 id="drivers-heading">"Drivers"</h3>
            <p class="chart-note">
                "Out the door to delivered over the last " {DAYS} " days."
            </p>
            <Suspense fallback=|| view! { <Loading text="Timing the deliveries…"/> }.erase()>{figures}</Suspense>
        </article>
    }
}

/// Every driver's figures, then each one's.
#[component]
fn Drivers(performance: DriverPerformance) -> impl IntoView {
    let all = &performance.all;
    let tiles = [
        ("Deliveries", all.deliveries.to_string()),
        ("Average", minutes(all.average_road_secs)),
        ("9 in 10 within", minutes(all.p90_road_secs)),
    ]
    .map(|(name, value)| {
        view! {
            <div class="tile">
                <dt>{name}</dt>
                <dd class="tile-value">{value}</dd>
            </div>
        }
    });
    let rows = performance
        .drivers
        .iter()
        .map(|driver| {
            view! {
                <tr>
                    <th scope="row">{driver.driver.clone()}</th>
                    <td>{driver.figures.deliveries}</td>
                    <td>{minutes(driver.figures.average_road_secs)}</td>
                    <td>{minutes(driver.figures.p90_road_secs)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <dl class="tiles" data-testid="driver-performance">{tiles.into_iter().collect_view()}</dl>
        <table class="chef-table">
            <caption>"By driver"</caption>
            <thead>
                <tr>
                    <th scope="col">"Driver"</th>
                    <th scope="col">"Deliveries"</th>
                    <th scope="col">"Average"</th>
                    <th scope="col">"9 in 10 within"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
