//! `/staff/kitchen`: the kitchen's queue, first in first out, from `KitchenQueueView`.
//! Orders waiting to be cooked on one side, those in the oven on the other; each ticket
//! shows its pizzas, the special instructions and how long ago it was placed. A cooking
//! order's pizzas come out of the oven line by line (the last makes the order ready), or
//! all at once with "Mark ready". It updates
//! itself from the live stream the moment an order is placed or moves on.

use crate::api::{get_kitchen_queue, mark_order_ready, mark_pizza_ready, start_cooking};
use crate::contracts::{KitchenItem, KitchenTicket, OrderStatus};
use crate::ui::erase::Erase;
use crate::ui::format::{clock_time, line_description};
use crate::ui::layout::{ErrorNotice, Loading};
use crate::ui::server_data::server_resource;
use crate::ui::staff::board::{
    Board, CommandButton, LiveBadge, TicketCard, board_column, minutes_ago, ticking_clock,
};
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_meta::Title;
use uuid::Uuid;

#[component]
pub(crate) fn KitchenPage() -> impl IntoView {
    let board = Board::live();
    let queue = server_resource(move || board.source(), |(_, at)| get_kitchen_queue(at));
    let now = ticking_clock();

    view! {
        <Title text="Kitchen · Mario's Pizzeria"/>
        <div class="staff-title">
            <h1>"Kitchen"</h1>
            <LiveBadge board/>
        </div>
        <Transition fallback=|| view! { <Loading text="Loading the queue…"/> }.erase()>
            {move || Suspend::new(async move {
                let view = match queue.await {
                    Ok(tickets) => Either::Left(view! { <Queue tickets board now/> }),
                    Err(error) => Either::Right(view! { <ErrorNotice error/> }),
                };
                view.erase()
            })}
        </Transition>
    }
    .erase()
}

/// The two columns: waiting, and in the oven.
#[component]
fn Queue(tickets: Vec<KitchenTicket>, board: Board, now: ReadSignal<i64>) -> impl IntoView {
    let (cooking, waiting): (Vec<_>, Vec<_>) = tickets
        .into_iter()
        .partition(|ticket| ticket.status == OrderStatus::Cooking);
    view! {
        <div class="board">
            {board_column("Waiting", "No orders waiting. Time to knead some dough.", waiting,
                move |ticket| view! { <Ticket ticket board now/> })}
            {board_column("In the oven", "The oven is free.", cooking,
                move |ticket| view! { <Ticket ticket board now/> })}
        </div>
    }
}

/// One order as the kitchen works on it.
#[component]
fn Ticket(ticket: KitchenTicket, board: Board, now: ReadSignal<i64>) -> impl IntoView {
    let order_id = ticket.order_id;
    let error = RwSignal::new(None::<String>);
    let placed = ticket.placed_at;
    let cooking = ticket.status == OrderStatus::Cooking;
    let items = ticket
        .items
        .iter()
        .map(|item| view! { <PizzaLine item=item.clone() order_id cooking board error/> })
        .collect_view();
    let notes = (!ticket.special_instructions.is_empty()).then(|| {
        let notes = ticket
            .special_instructions
            .iter()
            .map(|note| view! { <li>{note.clone()}</li> })
            .collect_view();
        view! {
            <div class="ticket-notes">
                <strong>"Special instructions"</strong>
                <ul>{notes}</ul>
            </div>
        }
    });
    let action = if ticket.status == OrderStatus::Pending {
        // Blank: the recipes' time. Anything else the server judges (1 to 180).
        let minutes = RwSignal::new(String::new());
        let input_id = format!("minutes-{order_id}");
        let chosen = move || {
            let text = minutes.get_untracked();
            let text = text.trim();
            // Not a whole number: 0, which the server refuses naming the field.
            (!text.is_empty()).then(|| text.parse::<u32>().unwrap_or(0))
        };
        Either::Left(view! {
            <div class="cook">
                <label for=input_id.clone()>"Minutes in the oven"</label>
                <input id=input_id type="number" inputmode="numeric" min="1" max="180"
                    placeholder="recipe" prop:value=move || minutes.get()
                    on:input=move |ev| minutes.set(event_target_value(&ev))/>
                <CommandButton label="Start cooking" board error primary=true
                    run=move || start_cooking(order_id, chosen())/>
            </div>
        })
    } else {
        Either::Right(view! {
            <CommandButton label="Mark ready" board error primary=true
                run=move || mark_order_ready(order_id)/>
        })
    };

    view! {
        <TicketCard order_id customer_name=ticket.customer_name.clone() status=ticket.status error>
            <p class="ticket-time">
                "Placed " {clock_time(placed)} " · "
                <span>{move || minutes_ago(now.get(), placed.timestamp_millis())}</span>
            </p>
            <ul class="ticket-items">{items}</ul>
            {notes}
            <footer class="ticket-foot">
                <span class="muted">
                    {progress(&ticket)} " · about " {ticket.total_prep_minutes} " min"
                </span>
                {action}
            </footer>
        </TicketCard>
    }
}

/// One line of a ticket; while the order cooks, a button marks it out of the oven, and
/// once it is, who said so.
#[component]
fn PizzaLine(
    item: KitchenItem,
    order_id: Uuid,
    cooking: bool,
    board: Board,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let words = line_description(item.quantity, &item.pizza_name, item.size, &item.toppings);
    let line = item.line;
    let state = if item.ready {
        let by = item.ready_by.map(|by| format!(" · {by}"));
        EitherOf3::A(view! { <span class="pizza-out">"Out" {by}</span> })
    } else if cooking {
        let name = format!("{words}: ready");
        EitherOf3::B(view! {
            <CommandButton label="Ready" name board error
                run=move || mark_pizza_ready(order_id, line)/>
        })
    } else {
        EitherOf3::C(())
    };
    view! {
        <li class="pizza-line" class:pizza-line-out=item.ready>
            <span>{words}</span>
            {state}
        </li>
    }
}

/// `3 pizzas`, and while some are out of the oven, `1 of 3 pizzas out`.
fn progress(ticket: &KitchenTicket) -> String {
    let out: u32 = (ticket.items.iter())
        .filter(|item| item.ready)
        .map(|item| item.quantity)
        .sum();
    if out == 0 {
        pizzas(ticket.pizza_count)
    } else {
        format!("{out} of {} out", pizzas(ticket.pizza_count))
    }
}

/// `1 pizza`, `3 pizzas`.
pub(crate) fn pizzas(count: u32) -> String {
    if count == 1 {
        "1 pizza".to_owned()
    } else {
        format!("{count} pizzas")
    }
}
