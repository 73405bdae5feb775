//! The confirmation page (`/orders/:id`): where an order is, when it will be ready and
//! what was charged, as the server priced it. Rendered with `SsrMode::Async`, so the
//! first HTML already holds the order. Checkout links here with `?after=<position>` (the
//! position of the order's event), so the page waits until the read model has the order
//! the customer just placed instead of answering "not found".

use crate::api::get_order;
use crate::contracts::{OrderDetails, OrderLine, OrderStatus};
use crate::error::AppError;
use crate::ui::erase::Erase;
use crate::ui::format::{clock_time, long_date, money, payment_label, short_id, size_label};
use crate::ui::layout::{ErrorNotice, Loading, set_not_found_status};
use crate::ui::server_data::server_resource;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use mediator::Problem;
use uuid::Uuid;

/// `/orders/:id`.
#[component]
pub(crate) fn OrderPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let order_id = move || {
        params
            .with(|params| params.get("id"))
            .and_then(|id| Uuid::parse_str(&id).ok())
    };
    let after = move || {
        query
            .with(|query| query.get("after"))
            .and_then(|at| at.parse::<i64>().ok())
    };
    let order = server_resource(
        move || (order_id(), after()),
        |(id, after)| async move {
            match id {
                Some(id) => get_order(id, after).await,
                // Not worth a round trip: no order has an id that is not a UUID.
                None => Err(AppError::from(Problem::not_found(
                    "That is not an order number.",
                ))),
            }
        },
    );

    view! {
        <Suspense fallback=|| view! { <Loading text="Looking up your order…"/> }.erase()>
            {move || Suspend::new(async move {
                let view = match order.await {
                    Ok(order) => EitherOf3::A(view! { <OrderView order/> }),
                    Err(error) if error.status() == Some(404) => EitherOf3::B(view! { <OrderNotFound/> }),
                    Err(error) => EitherOf3::C(view! { <ErrorNotice error/> }),
                };
                view.erase()
            })}
        </Suspense>
    }
    .erase()
}

/// A found order.
#[component]
fn OrderView(order: OrderDetails) -> impl IntoView {
    let status = order.status.as_str();
    let heading = match order.status {
        OrderStatus::Cancelled => "Order cancelled",
        _ => "Order confirmed",
    };
    let ready = order.estimated_ready_time;

    view! {
        <Title text=format!("Order {} · Mario's Pizzeria", short_id(order.order_id))/>
        <section class="card order">
            <h1>{heading}</h1>
            <p class="order-meta">
                "Order " <strong class="order-number">{short_id(order.order_id)}</strong> " · Status "
                <span class=format!("badge badge-{status}") data-testid="order-status">{status}</span>
            </p>
            <p class="order-ready">
                "Estimated ready at "
                <time datetime=ready.to_rfc3339()>{clock_time(ready)}</time>
                " on " {long_date(ready)}
            </p>
            <p class="order-delivery">
                "For " {order.customer_name.clone()} ", delivered to " {order.customer_address.clone()}
                ". Paying by " {payment_label(order.payment_method).to_ascii_lowercase()} "."
            </p>
            <div class="table-scroll">
            <table class="order-lines">
                <thead>
                    <tr><th scope="col">"Pizza"</th><th scope="col" class="num">"Qty"</th>
                        <th scope="col" class="num">"Each"</th><th scope="col" class="num">"Price"</th></tr>
                </thead>
                <tbody>{order.items.into_iter().map(|line| view! { <OrderRow line/> }).collect_view()}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row" colspan="3">"Total"</th>
                        <td class="num price" data-testid="order-total">{money(order.total_amount)}</td>
                    </tr>
                </tfoot>
            </table>
            </div>
            <p><a class="button button-primary" href="/">"Order more"</a></p>
        </section>
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

/// A malformed id or an order the server does not know.
#[component]
fn OrderNotFound() -> impl IntoView {
    set_not_found_status();
    view! {
        <Title text="Order not found · Mario's Pizzeria"/>
        <section class="card narrow">
            <h1>"Order not found"</h1>
            <p>"We could not find that order. Please check the link, or start a new order."</p>
            <p><a class="button button-primary" href="/">"Back to the menu"</a></p>
        </section>
    }
}
