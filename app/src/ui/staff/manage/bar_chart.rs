//! [`BarChart`]: horizontal bars, one per row, each with its label and its number
//! printed above it, so every value is readable without a tooltip. Bars are as long as
//! their share of the largest value. The SVG is one image to assistive technology, named
//! with every label and number.

use super::charts::{percent, share};
use leptos::prelude::*;

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Bar {
    pub label: String,
    pub value: f64,
    /// The value in words, printed at the end of the row: `12 sold`.
    pub text: String,
    /// Extra CSS class of the bar (its colour).
    pub class: &'static str,
}

/// Height of one row: the text line and the bar under it.
const ROW: u32 = 46;
/// Baseline of the text in a row.
const TEXT_Y: u32 = 16;
/// Top and height of the bar in a row.
const BAR_Y: u32 = 24;
const BAR_HEIGHT: u32 = 14;

/// The chart; `title` names it (as the SVG's `<title>`, and first in its label).
#[component]
pub(super) fn BarChart(#[prop(into)] title: String, bars: Vec<Bar>) -> impl IntoView {
    let largest = bars.iter().map(|bar| bar.value).fold(0.0, f64::max);
    let label = accessible_label(&title, &bars);
    let height = (bars.len() as u32 * ROW).max(ROW);
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(index, bar)| {
            let top = index as u32 * ROW;
            let length = share(bar.value, largest);
            view! {
                <text class="chart-label" x="0" y=top + TEXT_Y>{bar.label}</text>
                <text class="chart-value" x="100%" y=top + TEXT_Y text-anchor="end">{bar.text}</text>
                <rect class="bar-track" x="0" y=top + BAR_Y width="100%" height=BAR_HEIGHT rx="4"></rect>
                <rect class=format!("bar {}", bar.class) x="0" y=top + BAR_Y width=percent(length)
                    height=BAR_HEIGHT rx="4"></rect>
            }
        })
        .collect_view();

    view! {
        <svg class="chart bar-chart" role="img" aria-label=label width="100%" height=height>
            <title>{title}</title>
            {rows}
        </svg>
    }
}

/// `Popular pizzas: Margherita, 12 sold; Funghi, 3 sold.`
fn accessible_label(title: &str, bars: &[Bar]) -> String {
    let values: Vec<String> = bars
        .iter()
        .map(|bar| format!("{}, {}", bar.label, bar.text))
        .collect();
    format!("{title}: {}.", values.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_label_reads_every_bar_with_its_number() {
        let bar = |label: &str, text: &str| Bar {
            label: label.into(),
            value: 1.0,
            text: text.into(),
            class: "",
        };
        let bars = [bar("Margherita", "12 sold"), bar("Funghi", "3 sold")];
        assert_eq!(
            accessible_label("Popular pizzas", &bars),
            "Popular pizzas: Margherita, 12 sold; Funghi, 3 sold."
        );
    }
}
