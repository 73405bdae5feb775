//! A found order: its status and progress (live), the cancel button while it is
//! pending, the delivery details, the priced lines with the bill, and the timeline.

use super::cancel::CancelPanel;
use super::follow::follow;
use super::progress::{ProgressSteps, StatusBadge, Timeline};
use super::tracking::Tracking;
use crate::contracts::{OrderDetails, OrderLine, OrderStatus, TotalBreakdown};
use crate::ui::format::{clock_time, long_date, money, payment_text, short_id, size_label};
use leptos::prelude::*;
use leptos_meta::Title;

/// The order, as read when the page rendered and updated live since; `seen` is the
/// event position the read is known to include.
#[component]
pub(super) fn OrderView(order: OrderDetails, seen: Option<i64>) -> impl IntoView {
    let order_id = order.order_id;
    let tracking = RwSignal::new(Tracking::new(&order, seen));
    let status = Memo::new(move |_| tracking.with(Tracking::status));
    let live = follow(order_id, tracking);

    view! {
        <Title text=format!("Order {} · Mario's Pizzeria", short_id(order_id))/>
        <section class="card order">
            <h1>{move || heading(status.get())}</h1>
            <p class="order-meta">
                "Order " <strong class="order-number">{short_id(order_id)}</strong> " · Status "
                <StatusBadge status/>
                // Only once the stream is open (never before hydration, nor without
                // JavaScript): the page then updates by itself.
                {live.map(|live| view! {
                    " "
                    <span class="live-badge live-on"
                        hidden=move || !live.get() || matches!(status.get(), OrderStatus::Delivered | OrderStatus::Cancelled)
                        title="This page updates by itself as your order moves on.">
                        "● Live"
                    </span>
                })}
            </p>
            <ProgressSteps tracking/>
            // Only while it waits or cooks: the estimate moves with the kitchen's queue
            // (`follow` reads it again now and then); after that the timeline says when.
            {move || tracking.with(Tracking::ready_estimate).map(|ready| view! {
                <p class="order-ready">
                    "Estimated ready at "
                    <time datetime=ready.to_rfc3339()>{clock_time(ready)}</time>
                    " on " {long_date(ready)}
                </p>
            })}
            <p class="order-delivery">
                "For " {order.customer_name.clone()} ", delivered to " {order.customer_address.clone()} "."
            </p>
            <p class="order-payment" data-testid="order-payment">
                {move || tracking.with(|tracking| payment_text(tracking.payment()))}
            </p>
            <CancelPanel order_id tracking status/>
            <div class="table-scroll">
            <table class="order-lines">
                <thead>
                    <tr><th scope="col">"Pizza"</th><th scope="col" class="num">"Qty"</th>
                        <th scope="col" class="num">"Each"</th><th scope="col" class="num">"Price"</th></tr>
                </thead>
                <tbody>{order.items.into_iter().map(|line| view! { <OrderRow line/> }).collect_view()}</tbody>
                <tfoot>
                    {bill_rows(&order.total_breakdown)}
                    <tr>
                        <th scope="row" colspan="3">"Total"</th>
                        <td class="num price" data-testid="order-total">{money(order.total_amount)}</td>
                    </tr>
                </tfoot>
            </table>
            </div>
            <Timeline tracking/>
            <p class="order-actions">
                <a class="button button-primary" href="/">"Order more"</a>
                <a href="/orders">"All your orders"</a>
            </p>
        </section>
    }
}

/// The lines of the bill above the total, when the order paid more (or less) than its
/// pizzas: what they cost, the discount, the delivery and the tax.
fn bill_rows(bill: &TotalBreakdown) -> Option<impl IntoView + use<>> {
    let charged = [bill.delivery_fee, bill.discount, bill.tax];
    if charged.iter().all(|amount| amount.is_zero()) {
        return None;
    }
    let row = |label: String, amount: String| {
        view! { <tr class="bill-row"><th scope="row" colspan="3">{label}</th><td class="num">{amount}</td></tr> }
    };
    let discount = (bill.promo_code.clone()).map(|code| {
        row(
            format!("Discount ({code})"),
            format!("−{}", money(bill.discount)),
        )
    });
    let tax = if bill.prices_include_tax {
        "Tax included"
    } else {
        "Tax"
    };
    Some(view! {
        {row("Pizzas".into(), money(bill.subtotal))}
        {discount}
        {row("Delivery".into(), money(bill.delivery_fee))}
        {(!bill.tax.is_zero()).then(|| row(tax.into(), money(bill.tax)))}
    })
}

/// The page's heading for a status.
fn heading(status: OrderStatus) -> &'static str {
    match status {
        OrderStatus::Cancelled => "Order cancelled",
        OrderStatus::Delivered => "Order delivered",
        _ => "Order confirmed",
    }
}

/// One priced line of the order.
#[component]
fn OrderRow(line: OrderLine) -> impl IntoView {
    let toppings = (!line.toppings.is_empty()).then(|| format!("+ {}", line.toppings.join(", ")));
    view! {
        <tr>
            <td>
                <span class="line-name">{line.pizza_name}</span>
                <span class="line-detail">{size_label(line.size)}</span>
                {toppings.map(|toppings| view! { <span class="line-detail">{toppings}</span> })}
                {line.special_instructions.map(|text| view! { <span class="line-note">"“" {text} "”"</span> })}
            </td>
            <td class="num">{line.quantity}</td>
            <td class="num">{money(line.unit_price)}</td>
            <td class="num price">{money(line.line_price)}</td>
        </tr>
    }
}
