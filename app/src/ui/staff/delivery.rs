//! `/staff/delivery`: the delivery board, from `DeliveryBoardView`. Orders out of the
//! oven wait for a driver (who takes one out for delivery), then show as on the road
//! until delivered: for a signed-in driver, as their tour, their own orders only. Like the kitchen, it updates itself from the live stream.

use crate::api::{
    assign_delivery, get_delivery_board, list_drivers, mark_cash_collected, mark_order_delivered,
};
use crate::contracts::{
    DeliveryTicket, OrderStatus, PaymentMethod, PaymentStatus, StaffRole, StaffUser,
};
use crate::ui::erase::Erase;
use crate::ui::format::{clock_time, money};
use crate::ui::layout::{ErrorNotice, Loading};
use crate::ui::server_data::server_resource;
use crate::ui::staff::board::{
    Board, CommandButton, LiveBadge, TicketCard, board_column, minutes_ago, noted_board_column,
    ticking_clock,
};
use crate::ui::staff::kitchen::pizzas;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use rust_decimal::Decimal;

#[component]
pub(crate) fn DeliveryPage() -> impl IntoView {
    let board = Board::live();
    // With the tickets, whom an order may go out with: a driver only themselves, a
    // manager any driver. One resource for both keeps the wasm bundle from holding a
    // second copy of the resource machinery.
    let board_and_drivers = server_resource(
        move || board.source(),
        |(_, at)| async move { Ok((get_delivery_board(at).await?, list_drivers().await?)) },
    );
    let now = ticking_clock();

    view! {
        <Title text="Delivery · Mario's Pizzeria"/>
        <div class="staff-title">
            <h1>"Delivery"</h1>
            <LiveBadge board/>
        </div>
        <Transition fallback=|| view! { <Loading text="Loading the deliveries…"/> }.erase()>
            {move || Suspend::new(async move {
                let view = match board_and_drivers.await {
                    Ok((tickets, drivers)) => {
                        Either::Left(view! { <Deliveries tickets board now drivers/> })
                    }
                    Err(error) => Either::Right(view! { <ErrorNotice error/> }),
                };
                view.erase()
            })}
        </Transition>
    }
    .erase()
}

/// Ready orders, then those on the road. A driver sees their own tour first (the
/// orders they have out, with what there is to collect) and the ready ones to take; the
/// other drivers' orders are theirs to see.
#[component]
fn Deliveries(
    tickets: Vec<DeliveryTicket>,
    board: Board,
    now: ReadSignal<i64>,
    drivers: Vec<String>,
) -> impl IntoView {
    let (ready, out): (Vec<_>, Vec<_>) = tickets
        .into_iter()
        .partition(|ticket| ticket.status == OrderStatus::Ready);
    let driver = use_context::<StaffUser>()
        .filter(|user| user.role == StaffRole::Driver)
        .map(|user| user.username);
    let ready_column = board_column(
        "Ready to go",
        "Nothing waiting for a driver.",
        ready,
        move |ticket| view! { <Delivery ticket board now drivers=drivers.clone()/> },
    );
    let road = match driver {
        Some(me) => {
            let mine: Vec<_> = out
                .into_iter()
                .filter(|ticket| ticket.driver.as_deref() == Some(me.as_str()))
                .collect();
            let summary = (!mine.is_empty()).then(|| tour_summary(&mine));
            Either::Left(noted_board_column(
                "My tour",
                summary,
                "Nothing on the road: take a ready order.",
                mine,
                move |ticket| view! { <Delivery ticket board now drivers=Vec::new()/> },
            ))
        }
        None => Either::Right(board_column(
            "On the road",
            "No deliveries under way.",
            out,
            move |ticket| view! { <Delivery ticket board now drivers=Vec::new()/> },
        )),
    };
    view! { <div class="board">{road} {ready_column}</div> }
}

/// A driver's tour in one line: `2 stops · $31.50 cash to collect`.
fn tour_summary(tour: &[DeliveryTicket]) -> String {
    let stops = match tour.len() {
        1 => "1 stop".to_owned(),
        count => format!("{count} stops"),
    };
    let cash: Decimal = tour
        .iter()
        .filter(|ticket| cash_due(ticket))
        .map(|ticket| ticket.total_amount)
        .sum();
    if cash.is_zero() {
        format!("{stops} · no cash to collect")
    } else {
        format!("{stops} · {} cash to collect", money(cash))
    }
}

/// Whether the driver collects the order's total at the door.
fn cash_due(ticket: &DeliveryTicket) -> bool {
    ticket.payment_method == PaymentMethod::Cash && ticket.payment_status == PaymentStatus::Pending
}

/// One order as a driver needs it.
#[component]
fn Delivery(
    ticket: DeliveryTicket,
    board: Board,
    now: ReadSignal<i64>,
    drivers: Vec<String>,
) -> impl IntoView {
    let order_id = ticket.order_id;
    let error = RwSignal::new(None::<String>);
    let since = ticket.out_at.unwrap_or(ticket.ready_at);
    let since_label = if ticket.status == OrderStatus::Ready {
        "Ready "
    } else {
        "Out "
    };
    let cash_due = cash_due(&ticket);
    let payment = match (ticket.payment_method, ticket.payment_status) {
        (PaymentMethod::Card, _) => "paid by card",
        (PaymentMethod::Cash, PaymentStatus::Collected) => "cash collected",
        (PaymentMethod::Cash, _) => "cash to collect",
    };
    let collect = format!(
        "{} · {} · {payment}",
        pizzas(ticket.pizza_count),
        money(ticket.total_amount),
    );
    let action = if ticket.status == OrderStatus::Ready {
        // One choice (a driver, themselves) is made already; otherwise the manager picks.
        let only = (drivers.len() == 1).then(|| drivers[0].clone());
        let name = RwSignal::new(only.clone().unwrap_or_default());
        let input_id = format!("driver-{order_id}");
        // The options as markup: rendered views inside a `<select>` do not survive the
        // browser's parsing of it intact, and hydration then fails on them.
        let placeholder = only
            .is_none()
            .then_some(r#"<option value="">Choose a driver</option>"#);
        let options: String = placeholder
            .into_iter()
            .map(str::to_owned)
            .chain(drivers.iter().map(|driver| {
                let driver = escape_html(driver);
                format!(r#"<option value="{driver}">{driver}</option>"#)
            }))
            .collect();
        Either::Left(view! {
            <div class="assign">
                <label for=input_id.clone()>"Driver"</label>
                // Its first option is what `name` starts as, so no value needs setting.
                <select id=input_id inner_html=options
                    on:change=move |ev| name.set(event_target_value(&ev))>
                </select>
                <CommandButton label="Out for delivery" board error primary=true
                    run=move || assign_delivery(order_id, name.get_untracked())/>
            </div>
        })
    } else {
        Either::Right(view! {
            <p class="muted">"Driver: " <strong>{ticket.driver.clone().unwrap_or_default()}</strong></p>
            {cash_due.then(|| view! {
                <CommandButton label="Cash collected" board error
                    run=move || mark_cash_collected(order_id)/>
            })}
            <CommandButton label="Delivered" board error primary=true
                run=move || mark_order_delivered(order_id)/>
        })
    };

    view! {
        <TicketCard order_id customer_name=ticket.customer_name.clone() status=ticket.status error>
            <address class="ticket-address">{ticket.customer_address.clone()}</address>
            <p>
                <a href=format!("tel:{}", ticket.customer_phone)>{ticket.customer_phone.clone()}</a>
            </p>
            <p class="ticket-time">
                {since_label} {clock_time(since)} " · "
                <span>{move || minutes_ago(now.get(), since.timestamp_millis())}</span>
            </p>
            <p>{collect}</p>
            <footer class="ticket-foot">{action}</footer>
        </TicketCard>
    }
}

/// `text` safe inside an HTML attribute value or element.
fn escape_html(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '&' => "&amp;".to_owned(),
            '<' => "&lt;".to_owned(),
            '>' => "&gt;".to_owned(),
            '"' => "&quot;".to_owned(),
            '\'' => "&#39;".to_owned(),
            c => c.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticket(method: PaymentMethod, payment: PaymentStatus, total: i64) -> DeliveryTicket {
        DeliveryTicket {
            order_id: uuid::Uuid::nil(),
            status: OrderStatus::Delivering,
            customer_name: "Ada".into(),
            customer_phone: "+1 555 010 0200".into(),
            customer_address: "1 Main St".into(),
            payment_method: method,
            payment_status: payment,
            total_amount: Decimal::new(total, 2),
            pizza_count: 1,
            ready_at: chrono::DateTime::UNIX_EPOCH,
            driver: Some("luigi".into()),
            out_at: None,
        }
    }

    #[test]
    fn a_tour_counts_its_stops_and_the_cash_still_to_collect() {
        let tour = [
            ticket(PaymentMethod::Cash, PaymentStatus::Pending, 2550),
            ticket(PaymentMethod::Card, PaymentStatus::Paid, 1000),
            ticket(PaymentMethod::Cash, PaymentStatus::Collected, 900),
            ticket(PaymentMethod::Cash, PaymentStatus::Pending, 600),
        ];
        assert_eq!(tour_summary(&tour), "4 stops · $31.50 cash to collect");
        assert_eq!(tour_summary(&tour[1..3]), "2 stops · no cash to collect");
        assert_eq!(tour_summary(&tour[..1]), "1 stop · $25.50 cash to collect");
    }

    #[test]
    fn names_are_escaped_before_they_become_markup() {
        assert_eq!(
            escape_html(r#"<b a="1">&'"#),
            "&lt;b a=&quot;1&quot;&gt;&amp;&#39;"
        );
        assert_eq!(escape_html("Anna"), "Anna");
    }
}
