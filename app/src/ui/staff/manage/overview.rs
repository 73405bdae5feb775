//! The overview card of the analytics section: today so far on the shop's clock, each
//! figure with its change on yesterday up to the same time of day.

use crate::api::get_overview;
use crate::contracts::{DayFigures, Overview};
use crate::ui::erase::Erase;
use crate::ui::format::money;
use crate::ui::layout::Loading;
use crate::ui::server_data::server_resource;
use leptos::either::Either;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// Today so far next to yesterday at the same time.
#[component]
pub(super) fn OverviewCard() -> impl IntoView {
    let overview = server_resource(|| (), |_| get_overview(None));
    let figures = move || {
        Suspend::new(async move {
            let view = match overview.await {
                Ok(overview) => {
                    let tiles = tiles(&overview)
                        .into_iter()
                        .map(|tile| {
                            view! {
                                <div class="tile">
                                    <dt>{tile.name}</dt>
                                    <dd class="tile-value">{tile.value}</dd>
                                    <dd class="tile-change">{tile.change}</dd>
                                </div>
                            }
                        })
                        .collect_view();
                    Either::Left(view! { <dl class="tiles" data-testid="overview">{tiles}</dl> })
                }
                Err(error) => {
                    Either::Right(view! { <p class="alert" role="alert">{error.to_string()}</p> })
                }
            };
            view.erase()
        })
    };

    view! {
        <article class="card overview-card" aria-labelledby="overview-heading">
            <h3 id="overview-heading">"Today so far"</h3>
            <p class="chart-note">"Each figure against yesterday up to the same time."</p>
            <Suspense fallback=|| view! { <Loading text="Adding up today…"/> }.erase()>{figures}</Suspense>
        </article>
    }
}

/// One figure: its name, today's value, and its change on yesterday in words.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Tile {
    name: &'static str,
    value: String,
    change: String,
}

/// The overview's figures, in the order a manager reads them.
fn tiles(overview: &Overview) -> Vec<Tile> {
    let (today, yesterday) = (&overview.today, &overview.yesterday);
    let count = |name, pick: fn(&DayFigures) -> u32| {
        let (now, then) = (pick(today), pick(yesterday));
        Tile {
            name,
            value: now.to_string(),
            change: change(i64::from(now) - i64::from(then), |n| n.to_string()),
        }
    };
    let amount = |name, now: Option<Decimal>, then: Option<Decimal>| Tile {
        name,
        value: now.map_or_else(|| "–".to_owned(), money),
        change: match (now, then) {
            (Some(now), Some(then)) => change(now - then, |d: Decimal| money(d)),
            _ => "nothing to compare yet".to_owned(),
        },
    };
    let minutes = |name, now: Option<u32>, then: Option<u32>| Tile {
        name,
        value: now.map_or_else(
            || "–".to_owned(),
            |secs| format!("{} min", round_minutes(secs)),
        ),
        change: match (now, then) {
            (Some(now), Some(then)) => {
                let delta = i64::from(round_minutes(now)) - i64::from(round_minutes(then));
                match delta {
                    0 => "as fast as yesterday".to_owned(),
                    d if d < 0 => format!("{} min faster than yesterday", -d),
                    d => format!("{d} min slower than yesterday"),
                }
            }
            _ => "nothing to compare yet".to_owned(),
        },
    };
    vec![
        count("Orders", |day| day.orders),
        amount("Revenue", Some(today.revenue), Some(yesterday.revenue)),
        amount(
            "Average ticket",
            today.average_ticket,
            yesterday.average_ticket,
        ),
        minutes(
            "Preparation",
            today.average_preparation_secs,
            yesterday.average_preparation_secs,
        ),
        minutes(
            "Delivery",
            today.average_delivery_secs,
            yesterday.average_delivery_secs,
        ),
        count("Cancelled", |day| day.cancelled),
    ]
}

/// Whole minutes, to the nearest.
fn round_minutes(secs: u32) -> u32 {
    (secs + 30) / 60
}

/// `+3 on yesterday`, `−$4.50 on yesterday`, `same as yesterday`.
fn change<T: PartialOrd + Default + std::ops::Neg<Output = T>>(
    delta: T,
    show: impl Fn(T) -> String,
) -> String {
    let zero = T::default();
    if delta > zero {
        format!("+{} on yesterday", show(delta))
    } else if delta < zero {
        format!("−{} on yesterday", show(-delta))
    } else {
        "same as yesterday".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(orders: u32, cents: i64, prep: Option<u32>) -> DayFigures {
        let revenue = Decimal::new(cents, 2);
        DayFigures {
            orders,
            revenue,
            average_ticket: (orders > 0).then(|| (revenue / Decimal::from(orders)).round_dp(2)),
            cancelled: 1,
            average_preparation_secs: prep,
            average_delivery_secs: None,
        }
    }

    #[test]
    fn each_figure_says_its_change_on_yesterday_in_words() {
        let overview = Overview {
            since: chrono::DateTime::UNIX_EPOCH,
            until: chrono::DateTime::UNIX_EPOCH,
            today: day(4, 6000, Some(14 * 60 + 20)),
            yesterday: day(6, 10500, Some(16 * 60)),
        };
        let words: Vec<(&str, String, String)> = tiles(&overview)
            .into_iter()
            .map(|tile| (tile.name, tile.value, tile.change))
            .collect();
        let expected = [
            ("Orders", "4", "−2 on yesterday"),
            ("Revenue", "$60.00", "−$45.00 on yesterday"),
            ("Average ticket", "$15.00", "−$2.50 on yesterday"),
            ("Preparation", "14 min", "2 min faster than yesterday"),
            ("Delivery", "–", "nothing to compare yet"),
            ("Cancelled", "1", "same as yesterday"),
        ];
        let expected: Vec<(&str, String, String)> = expected
            .into_iter()
            .map(|(name, value, change)| (name, value.to_owned(), change.to_owned()))
            .collect();
        assert_eq!(words, expected);
    }
}
