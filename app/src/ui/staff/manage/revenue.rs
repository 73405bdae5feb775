//! The revenue card: revenue per hour over the last 24 hours or per day over the last 30
//! days (a switch between the two), its total, a column chart and, on request, every
//! figure in a table. The period ends at the server's clock (`get_recent_revenue`).

use super::column_chart::{Column, ColumnAxes, ColumnChart};
use crate::api::get_recent_revenue;
use crate::contracts::{RevenueBucket, TimeBucket};
use crate::ui::erase::Erase;
use crate::ui::format::{clock_time, long_date, money, orders};
use crate::ui::layout::Loading;
use crate::ui::server_data::server_resource;
use crate::ui::shop_zone::shop_local;
use chrono::{DateTime, Datelike, Timelike, Utc};
use leptos::either::Either;
use leptos::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// The revenue card with its hour/day switch.
#[component]
pub(super) fn RevenueCard() -> impl IntoView {
    let bucket = RwSignal::new(TimeBucket::Day);
    // The answer keeps the bucket it was asked for, so a chart never mixes a new
    // bucket with the figures of the old one while the switch reloads.
    let revenue = server_resource(
        move || bucket.get(),
        |bucket| async move {
            get_recent_revenue(bucket)
                .await
                .map(|figures| (bucket, figures))
        },
    );
    let chart = move || {
        Suspend::new(async move {
            let view = match revenue.await {
                Ok((bucket, figures)) => Either::Left(view! { <RevenueReport bucket figures/> }),
                Err(error) => {
                    Either::Right(view! { <p class="alert" role="alert">{error.to_string()}</p> })
                }
            };
            view.erase()
        })
    };
    let choice = move |value: TimeBucket, text: &'static str| {
        view! {
            <button type="button" class="switch-option" aria-pressed=move || (bucket.get() == value).to_string()
                on:click=move |_| bucket.set(value)>
                {text}
            </button>
        }
    };

    view! {
        <article class="card chart-card chart-wide" aria-labelledby="revenue-heading">
            <div class="chart-head">
                <h3 id="revenue-heading">"Revenue"</h3>
                <div class="switch" role="group" aria-label="Revenue per">
                    {choice(TimeBucket::Hour, "Per hour")}
                    {choice(TimeBucket::Day, "Per day")}
                </div>
            </div>
            // Transition: switching keeps the old chart until the new one is there.
            <Transition fallback=|| view! { <Loading text="Adding up the takings…"/> }.erase()>{chart}</Transition>
        </article>
    }
}

/// The total, the chart and the table of one period.
#[component]
fn RevenueReport(bucket: TimeBucket, figures: Vec<RevenueBucket>) -> impl IntoView {
    let total: Decimal = figures.iter().map(|figure| figure.revenue).sum();
    let count: u64 = figures.iter().map(|figure| figure.order_count).sum();
    let (span, per, periods) = match bucket {
        TimeBucket::Hour => ("the last 24 hours", "hour", "Hour"),
        TimeBucket::Day => ("the last 30 days", "day", "Day"),
    };
    let label = summary(
        per,
        span,
        total,
        count,
        best(&figures).map(|f| (period(bucket, f.start), f.revenue)),
    );
    let columns = figures
        .iter()
        .map(|figure| Column {
            label: short_period(bucket, figure.start),
            value: figure.revenue.to_f64().unwrap_or(0.0),
            detail: format!(
                "{}: {} from {}",
                period(bucket, figure.start),
                money(figure.revenue),
                orders(figure.order_count)
            ),
        })
        .collect();
    let axes = ColumnAxes {
        values: "Revenue ($)",
        periods,
        tick: money_tick,
        whole: false,
    };
    let rows = figures
        .into_iter()
        .rev()
        .map(|figure| {
            view! {
                <tr>
                    <th scope="row">{table_period(bucket, figure.start)}</th>
                    <td class="num">{figure.order_count}</td>
                    <td class="num price">{money(figure.revenue)}</td>
                </tr>
            }
        })
        .collect_view();

    view! {
        <p class="chart-total">
            <span class="price">{money(total)}</span> " from " {orders(count)} " over " {span}
        </p>
        <ColumnChart title=format!("Revenue per {per}") label axes columns/>
        <details class="chart-table">
            <summary>"Show every " {per} " as a table"</summary>
            <div class="table-scroll">
                <table class="figures">
                    <thead>
                        <tr><th scope="col">{periods}</th><th scope="col" class="num">"Orders"</th>
                            <th scope="col" class="num">"Revenue"</th></tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </details>
    }
}

/// The period with the most revenue, if any sold anything.
fn best(figures: &[RevenueBucket]) -> Option<&RevenueBucket> {
    figures
        .iter()
        .filter(|figure| figure.revenue > Decimal::ZERO)
        .max_by_key(|figure| figure.revenue)
}

/// The chart's accessible name: what a sighted manager reads off it.
fn summary(
    per: &str,
    span: &str,
    total: Decimal,
    count: u64,
    best: Option<(String, Decimal)>,
) -> String {
    let mut text = format!(
        "Revenue per {per} over {span}: {} in total from {}",
        money(total),
        orders(count)
    );
    if let Some((period, revenue)) = best {
        text.push_str(&format!(
            "; the best {per} was {period} with {}",
            money(revenue)
        ));
    }
    text.push('.');
    text
}

/// A period in full, on the shop's clock: `Friday 5 December 2025, 18:00` or `Friday 5
/// December 2025`.
fn period(bucket: TimeBucket, start: DateTime<Utc>) -> String {
    match bucket {
        TimeBucket::Hour => format!("{}, {}", long_date(start), clock_time(start)),
        TimeBucket::Day => long_date(start),
    }
}

/// A period under its column: `18:00` or `5 Dec`.
fn short_period(bucket: TimeBucket, start: DateTime<Utc>) -> String {
    match bucket {
        TimeBucket::Hour => format!("{:02}:00", shop_local(start).hour()),
        TimeBucket::Day => day_and_month(start),
    }
}

/// A period in a row of the table, short enough for a phone: `5 Dec 18:00`, `5 Dec`.
fn table_period(bucket: TimeBucket, start: DateTime<Utc>) -> String {
    match bucket {
        TimeBucket::Hour => {
            let hour = shop_local(start).hour();
            format!("{} {hour:02}:00", day_and_month(start))
        }
        TimeBucket::Day => day_and_month(start),
    }
}

/// `5 Dec`, the shop's day.
fn day_and_month(at: DateTime<Utc>) -> String {
    let at = shop_local(at);
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!("{} {}", at.day(), MONTHS[at.month0() as usize])
}

/// A tick of the money axis, written as every price is: `$50.00`.
fn money_tick(value: f64) -> String {
    money(Decimal::new((value * 100.0).round() as i64, 2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn figure(hour: u32, cents: i64, orders: u64) -> RevenueBucket {
        RevenueBucket {
            start: Utc.with_ymd_and_hms(2025, 12, 5, hour, 0, 0).unwrap(),
            revenue: Decimal::new(cents, 2),
            order_count: orders,
        }
    }

    #[test]
    fn periods_are_written_in_full_and_under_their_columns() {
        let start = figure(18, 0, 0).start;
        assert_eq!(
            period(TimeBucket::Hour, start),
            "Friday 5 December 2025, 18:00"
        );
        assert_eq!(period(TimeBucket::Day, start), "Friday 5 December 2025");
        assert_eq!(short_period(TimeBucket::Hour, start), "18:00");
        assert_eq!(short_period(TimeBucket::Day, start), "5 Dec");
        assert_eq!(table_period(TimeBucket::Hour, start), "5 Dec 18:00");
        assert_eq!(table_period(TimeBucket::Day, start), "5 Dec");
    }

    #[test]
    fn money_ticks_read_like_prices() {
        assert_eq!(money_tick(0.0), "$0.00");
        assert_eq!(money_tick(25.0), "$25.00");
        assert_eq!(money_tick(0.3), "$0.30");
        assert_eq!(money_tick(1e9), "$1000000000.00");
    }

    #[test]
    fn the_summary_names_the_total_and_the_best_period() {
        let figures = [figure(17, 1299, 1), figure(18, 4550, 3), figure(19, 0, 0)];
        let top = best(&figures).map(|f| (short_period(TimeBucket::Hour, f.start), f.revenue));
        assert_eq!(
            summary("hour", "the last 24 hours", Decimal::new(5849, 2), 4, top),
            "Revenue per hour over the last 24 hours: $58.49 in total from 4 orders; \
             the best hour was 18:00 with $45.50."
        );
        let quiet = [figure(17, 0, 0)];
        assert_eq!(best(&quiet), None);
        assert_eq!(
            summary("day", "the last 30 days", Decimal::ZERO, 0, None),
            "Revenue per day over the last 30 days: $0.00 in total from 0 orders."
        );
    }
}
