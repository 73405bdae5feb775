//! [`ColumnChart`]: one column per period (hour or day), on a value axis from zero with
//! round ticks. The tick labels sit on their grid lines inside the plot, so the plot can
//! span the whole width of the card at any screen size; the category labels under it
//! thin out to at most [`MOST_LABELS`], counted back from the latest. Each column carries its exact value as a tooltip,
//! and the page lists every value in a table beside the chart.

use super::charts::{Axis, axis, column, label_position, labelled, percent, pixels, share};
use leptos::prelude::*;

/// One column.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Column {
    /// The period under the column: `18:00`, `5 Dec`.
    pub label: String,
    pub value: f64,
    /// The column's tooltip: `18:00: $45.00 from 3 orders`.
    pub detail: String,
}

/// What the chart is and how its axes read.
#[derive(Debug, Clone)]
pub(super) struct ColumnAxes {
    /// Above the plot, naming the value axis: `Revenue ($)`.
    pub values: &'static str,
    /// Under the plot, naming the category axis: `Hour`.
    pub periods: &'static str,
    /// Writes a tick value: `$50.00`.
    pub tick: fn(f64) -> String,
    /// Whether values are counts, whose ticks must be whole numbers.
    pub whole: bool,
}

/// Most category labels printed under the plot: four `29 Nov` fit a phone's width with
/// room to spare, the last one aligned with the plot's right edge included.
const MOST_LABELS: usize = 4;
const HEIGHT: u32 = 264;
const VALUES_TITLE_Y: u32 = 14;
const PLOT_TOP: u32 = 40;
const PLOT_BOTTOM: u32 = 212;
const LABEL_Y: u32 = 230;
const PERIODS_TITLE_Y: u32 = 256;

/// The chart. `label` is its accessible name: what a sighted reader takes from it.
#[component]
pub(super) fn ColumnChart(
    #[prop(into)] title: String,
    #[prop(into)] label: String,
    axes: ColumnAxes,
    columns: Vec<Column>,
) -> impl IntoView {
    let largest = columns
        .iter()
        .map(|column| column.value)
        .fold(0.0, f64::max);
    let Axis { top, ticks } = axis(largest, axes.whole);
    let plot = PLOT_BOTTOM - PLOT_TOP;
    let height_of = move |value: f64| pixels(share(value, top), plot);
    let grid = ticks
        .into_iter()
        .map(|tick| {
            let y = PLOT_BOTTOM - height_of(tick);
            view! {
                <line class="grid-line" x1="0" x2="100%" y1=y y2=y></line>
                <text class="chart-tick" x="0" y=y - 4>{(axes.tick)(tick)}</text>
            }
        })
        .collect_view();
    let count = columns.len();
    let bars = columns
        .into_iter()
        .enumerate()
        .map(|(index, column_data)| {
            let (start, width) = column(index, count);
            let height = height_of(column_data.value);
            let label = labelled(index, count, MOST_LABELS).then(|| {
                let (x, anchor) = label_position(index, count, MOST_LABELS);
                view! {
                    <text class="chart-label" x=percent(x) y=LABEL_Y text-anchor=anchor>{column_data.label}</text>
                }
            });
            view! {
                <rect class="column" x=percent(start) width=percent(width) y=PLOT_BOTTOM - height height=height>
                    <title>{column_data.detail}</title>
                </rect>
                {label}
            }
        })
        .collect_view();

    view! {
        <svg class="chart column-chart" role="img" aria-label=label width="100%" height=HEIGHT>
            <title>{title}</title>
            <text class="axis-title" x="0" y=VALUES_TITLE_Y>{axes.values}</text>
            {grid}
            {bars}
            <text class="axis-title" x="50%" y=PERIODS_TITLE_Y text-anchor="middle">{axes.periods}</text>
        </svg>
    }
}
