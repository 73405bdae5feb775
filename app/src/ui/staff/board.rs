//! What the kitchen and delivery boards share: a [`Board`] that re-reads its view when
//! the live stream says an order changed (never on a timer), the [`CommandButton`] on
//! each card, and the clock the "minutes ago" labels count with.

use crate::contracts::{OrderStatus, OrderStatusChanged, PaymentChanged};
use crate::error::AppError;
use crate::ui::format::short_id;
use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;
use uuid::Uuid;

/// When a board's view must be read again: a counter bumped on every change, and the
/// newest event position the read must include (so it sees the change it was told of).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Board {
    trigger: RwSignal<(u32, Option<i64>)>,
    /// Whether the live stream is open (the browser reconnects by itself when not).
    live: ReadSignal<bool>,
}

impl Board {
    /// A board that follows the staff live stream from now on.
    pub(crate) fn live() -> Self {
        let trigger = RwSignal::new((0, None));
        let live = crate::ui::live::subscribe_updates(
            "/api/stream/kitchen".to_owned(),
            move |update| saw(trigger, update.position),
            // (Re)connected: something may have changed while nobody listened.
            move || reload(trigger),
        );
        Board { trigger, live }
    }

    /// What the view's resource reads from: `(counter, min_position)`.
    pub(crate) fn source(&self) -> (u32, Option<i64>) {
        self.trigger.get()
    }

    /// An event at `position` changed the board: read it again, including that event.
    pub(crate) fn saw(&self, position: i64) {
        saw(self.trigger, position);
    }
}

fn saw(trigger: RwSignal<(u32, Option<i64>)>, position: i64) {
    trigger.try_update(|(count, min)| {
        *count += 1;
        *min = Some(min.map_or(position, |min| min.max(position)));
    });
}

fn reload(trigger: RwSignal<(u32, Option<i64>)>) {
    trigger.try_update(|(count, _)| *count += 1);
}

/// One column of a board: its title with a count, then a card per item, or `empty` in
/// words when there is none.
pub(crate) fn board_column<T, V: IntoView>(
    title: &'static str,
    empty: &'static str,
    items: Vec<T>,
    card: impl Fn(T) -> V,
) -> impl IntoView {
    noted_board_column(title, None, empty, items, card)
}

/// A [`board_column`] with a line under its title that sums its cards up.
pub(crate) fn noted_board_column<T, V: IntoView>(
    title: &'static str,
    note: Option<String>,
    empty: &'static str,
    items: Vec<T>,
    card: impl Fn(T) -> V,
) -> impl IntoView {
    let note = note.map(|note| view! { <p class="column-note">{note}</p> });
    let count = items.len();
    let cards = if items.is_empty() {
        Either::Left(view! { <p class="muted">{empty}</p> })
    } else {
        Either::Right(items.into_iter().map(card).collect_view())
    };
    view! {
        <section class="board-column" aria-label=title>
            <h2>{title} " " <span class="count">{count}</span></h2>
            {note}
            {cards}
        </section>
    }
}

/// The frame of a board's card: the order's number, customer and status, then
/// `children`, then why the last command failed, if it did.
#[component]
pub(crate) fn TicketCard(
    order_id: Uuid,
    customer_name: String,
    status: OrderStatus,
    error: RwSignal<Option<String>>,
    children: Children,
) -> impl IntoView {
    let number = short_id(order_id);
    let label = format!("Order {number} for {customer_name}");
    view! {
        <article class="ticket" aria-label=label data-status=status.as_str()>
            <header class="ticket-head">
                <strong class="order-number">{number}</strong>
                <span class="ticket-customer">{customer_name}</span>
                <span class=format!("badge badge-{}", status.as_str())>{status.as_str()}</span>
            </header>
            {children()}
            {move || error.get().map(|message| view! { <p class="alert" role="alert">{message}</p> })}
        </article>
    }
}

/// "● Live" while the board follows the live stream, "Connecting…" before and while the
/// browser reconnects.
#[component]
pub(crate) fn LiveBadge(board: Board) -> impl IntoView {
    let live = board.live;
    view! {
        <span class="live-badge" class:live-on=move || live.get() data-testid="live-status" role="status">
            {move || if live.get() { "● Live" } else { "Connecting…" }}
        </span>
    }
}

/// What a board's command answers: the position of the event it appended.
pub(crate) trait Appended {
    fn position(&self) -> i64;
}

impl Appended for OrderStatusChanged {
    fn position(&self) -> i64 {
        self.position
    }
}

impl Appended for PaymentChanged {
    fn position(&self) -> i64 {
        self.position
    }
}

/// A button that sends one command for a card: disabled while it runs, then the board
/// reloads (including the change) or the card shows why it failed.
#[component]
pub(crate) fn CommandButton<F, Fut, T>(
    label: &'static str,
    board: Board,
    error: RwSignal<Option<String>>,
    run: F,
    #[prop(optional)] primary: bool,
    /// The accessible name, when `label` alone does not say what the button acts on; it
    /// contains `label`'s words.
    #[prop(optional, into)]
    name: Option<String>,
) -> impl IntoView
where
    F: Fn() -> Fut + Clone + 'static,
    Fut: Future<Output = Result<T, AppError>> + 'static,
    T: Appended + 'static,
{
    let busy = RwSignal::new(false);
    let click = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let run = run.clone();
        spawn_local(async move {
            match run().await {
                Ok(changed) => board.saw(changed.position()),
                Err(failure) => {
                    error.try_set(Some(failure.to_string()));
                }
            }
            busy.try_set(false);
        });
    };
    let class = if primary {
        "button button-primary"
    } else {
        "button"
    };
    view! {
        <button type="button" class=class aria-label=name disabled=move || busy.get()
            on:click=click>
            {move || if busy.get() { "Working…" } else { label }}
        </button>
    }
}

/// Milliseconds since the Unix epoch, now.
pub(crate) fn now_millis() -> i64 {
    #[cfg(feature = "hydrate")]
    {
        js_sys::Date::now() as i64
    }
    #[cfg(not(feature = "hydrate"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_millis() as i64)
    }
}

/// The time, updated every 30 seconds in the browser, for "minutes ago" labels.
pub(crate) fn ticking_clock() -> ReadSignal<i64> {
    let (now, set_now) = signal(now_millis());
    #[cfg(feature = "hydrate")]
    if let Ok(handle) = set_interval_with_handle(
        move || set_now.set(now_millis()),
        std::time::Duration::from_secs(30),
    ) {
        on_cleanup(move || handle.clear());
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = set_now;
    now
}

/// `just now`, `1 min`, `25 min`, `2 h 5 min`: how long ago `then_millis` was.
pub(crate) fn minutes_ago(now_millis: i64, then_millis: i64) -> String {
    let minutes = (now_millis - then_millis).max(0) / 60_000;
    match minutes {
        0 => "just now".to_owned(),
        1..=59 => format!("{minutes} min ago"),
        _ => format!("{} h {} min ago", minutes / 60, minutes % 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elapsed_time_reads_naturally() {
        let minute = 60_000;
        assert_eq!(minutes_ago(10 * minute, 10 * minute), "just now");
        assert_eq!(minutes_ago(10 * minute + 59_999, 10 * minute), "just now");
        assert_eq!(minutes_ago(11 * minute, 10 * minute), "1 min ago");
        assert_eq!(minutes_ago(135 * minute, 10 * minute), "2 h 5 min ago");
        // A clock slightly behind the server's never shows negative time.
        assert_eq!(minutes_ago(0, minute), "just now");
    }
}
