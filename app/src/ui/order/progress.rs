//! How the order page shows where an order is: the status badge (a polite live region,
//! so screen readers and tests hear each change), the progress steps and the timeline.
//! All three follow the page's [`Tracking`] signal in place; nothing is re-rendered
//! but the parts that change.

use super::tracking::{Step, Tracking};
use crate::contracts::{OrderStatus, OrderTimelineEntry};
use crate::ui::format::clock_time;
use leptos::prelude::*;

/// The steps of the progress bar, with their names.
const STEPS: [(OrderStatus, &str); 5] = [
    (OrderStatus::Pending, "Placed"),
    (OrderStatus::Cooking, "Cooking"),
    (OrderStatus::Ready, "Ready"),
    (OrderStatus::Delivering, "Out for delivery"),
    (OrderStatus::Delivered, "Delivered"),
];

/// The status word (`pending`, `cooking`, …) in a badge. It is the page's one
/// `role="status"` region, named "Order status", so a change is announced politely.
#[component]
pub(super) fn StatusBadge(status: Memo<OrderStatus>) -> impl IntoView {
    view! {
        <span
            class=move || format!("badge badge-{}", status.get().as_str())
            role="status"
            aria-live="polite"
            aria-atomic="true"
            aria-label="Order status"
            data-testid="order-status"
        >
            {move || status.get().as_str()}
        </span>
    }
}

/// Placed → Cooking → Ready → Out for delivery → Delivered, the current step marked
/// `aria-current="step"`. A cancelled order shows the steps it reached, then
/// "Cancelled".
#[component]
pub(super) fn ProgressSteps(tracking: RwSignal<Tracking>) -> impl IntoView {
    let step_of = move |status: OrderStatus| tracking.with(|tracking| tracking.step(status));
    let steps = STEPS.map(|(status, name)| {
        let step = Memo::new(move |_| step_of(status));
        view! { <ProgressStep step name/> }
    });
    let cancelled = Memo::new(move |_| step_of(OrderStatus::Cancelled));

    view! {
        <ol class="progress" aria-label="Order progress" data-testid="order-progress">
            {steps.into_iter().collect_view()}
            <ProgressStep step=cancelled name="Cancelled" cancel=true/>
        </ol>
    }
}

/// One step: a mark, its name, and (for screen readers) whether it is done. The
/// `cancel` step has a look of its own.
#[component]
fn ProgressStep(
    step: Memo<Step>,
    name: &'static str,
    #[prop(optional)] cancel: bool,
) -> impl IntoView {
    let extra = if cancel { " step-cancel" } else { "" };
    let class = move || format!("step step-{}{extra}", step.get().describe().0);
    let current = move || (step.get() == Step::Current).then_some("step");
    view! {
        <li class=class aria-current=current>
            <span class="step-mark" aria-hidden="true"></span>
            <span class="step-name">{name}</span>
            <span class="visually-hidden">{move || step.get().describe().1}</span>
        </li>
    }
}

/// Every change so far, oldest first, with its time and note.
#[component]
pub(super) fn Timeline(tracking: RwSignal<Tracking>) -> impl IntoView {
    let entries = move || {
        tracking.with(|tracking| {
            tracking
                .timeline()
                .iter()
                .map(|entry| {
                    view! {
                        <li data-status=entry.status.as_str()>
                            <time datetime=entry.at.to_rfc3339()>{clock_time(entry.at)}</time>
                            <span>{timeline_text(entry)}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">"Timeline"</h2>
            <ol class="timeline-list" data-testid="order-timeline">{entries}</ol>
        </section>
    }
}

/// One timeline entry in words, naming the member of staff who took the step when the
/// order knows: `Cooking started by mario`, `Out for delivery with luigi`, `Cancelled by
/// anna: Wrong address`.
fn timeline_text(entry: &OrderTimelineEntry) -> String {
    let by = entry.by.as_deref();
    if let Some(pizza) = &entry.pizza {
        return match by {
            Some(by) => format!("Out of the oven: {}, by {by}", pizza.name),
            None => format!("Out of the oven: {}", pizza.name),
        };
    }
    let mut text = match (entry.status, by) {
        (OrderStatus::Pending, _) => "Order placed".to_owned(),
        (OrderStatus::Cooking, _) => "Cooking started".to_owned(),
        (OrderStatus::Ready, Some(_)) => "Marked ready".to_owned(),
        (OrderStatus::Ready, None) => "Ready".to_owned(),
        (OrderStatus::Delivering, _) => "Out for delivery".to_owned(),
        (OrderStatus::Delivered, _) => "Delivered".to_owned(),
        (OrderStatus::Cancelled, _) => "Cancelled".to_owned(),
    };
    let note = entry.note.as_deref();
    if entry.status == OrderStatus::Delivering {
        if let Some(driver) = note {
            text.push_str(&format!(" with {driver}"));
        }
        // A driver taking it themselves is said once; someone else sending them, too.
        if let Some(by) = by.filter(|by| Some(*by) != note) {
            text.push_str(&format!(" (sent by {by})"));
        }
        return text;
    }
    if let Some(by) = by {
        text.push_str(&format!(" by {by}"));
    }
    if let Some(note) = note {
        text.push_str(&format!(": {note}"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn entry(status: OrderStatus, note: Option<&str>) -> OrderTimelineEntry {
        OrderTimelineEntry {
            status,
            at: Utc.with_ymd_and_hms(2026, 1, 9, 18, 45, 0).unwrap(),
            note: note.map(str::to_owned),
            payment: None,
            by: None,
            pizza: None,
        }
    }

    #[test]
    fn each_step_names_the_member_of_staff_who_took_it() {
        let text = |status, note: Option<&str>, by: &str| {
            let by = Some(by.to_owned());
            timeline_text(&OrderTimelineEntry {
                by,
                ..entry(status, note)
            })
        };
        assert_eq!(
            text(OrderStatus::Cooking, None, "mario"),
            "Cooking started by mario"
        );
        assert_eq!(
            text(OrderStatus::Ready, None, "mario"),
            "Marked ready by mario"
        );
        assert_eq!(
            text(OrderStatus::Delivering, Some("luigi"), "luigi"),
            "Out for delivery with luigi"
        );
        assert_eq!(
            text(OrderStatus::Delivering, Some("luigi"), "anna"),
            "Out for delivery with luigi (sent by anna)"
        );
        assert_eq!(
            text(OrderStatus::Delivered, None, "luigi"),
            "Delivered by luigi"
        );
        assert_eq!(
            text(OrderStatus::Cancelled, Some("Wrong address"), "anna"),
            "Cancelled by anna: Wrong address"
        );
        assert_eq!(
            text(OrderStatus::Ready, None, "x").len(),
            "Marked ready by x".len()
        );
        assert_eq!(timeline_text(&entry(OrderStatus::Ready, None)), "Ready");
        let pizza = OrderTimelineEntry {
            pizza: Some(crate::contracts::ReadyPizza {
                line: 1,
                name: "2 × Margherita (Large)".into(),
            }),
            ..entry(OrderStatus::Cooking, None)
        };
        assert_eq!(
            timeline_text(&pizza),
            "Out of the oven: 2 × Margherita (Large)"
        );
        let by = OrderTimelineEntry {
            by: Some("bea".into()),
            ..pizza
        };
        assert_eq!(
            timeline_text(&by),
            "Out of the oven: 2 × Margherita (Large), by bea"
        );
    }

    #[test]
    fn timeline_entries_read_as_sentences_with_their_note() {
        let text = |status, note| timeline_text(&entry(status, note));
        assert_eq!(text(OrderStatus::Pending, None), "Order placed");
        assert_eq!(
            text(OrderStatus::Delivering, Some("Luigi")),
            "Out for delivery with Luigi"
        );
        assert_eq!(
            text(OrderStatus::Cancelled, Some("Wrong address")),
            "Cancelled: Wrong address"
        );
    }
}
