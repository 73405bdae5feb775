//! The order page (`/orders/:id`): where an order is, when it will be ready and what was
//! charged, as the server priced it, kept current while it is open. Rendered with
//! `SsrMode::Async`, so the first HTML already holds the order. Checkout links here with
//! `?after=<position>` (the position of the order's event), so the page waits until the
//! read model has the order the customer just placed instead of answering "not found".

use super::details::OrderView;
use crate::api::get_order;
use crate::error::AppError;
use crate::ui::erase::Erase;
use crate::ui::layout::{ErrorNotice, Loading, NotFound};
use crate::ui::server_data::server_resource;
use leptos::either::EitherOf3;
use leptos::prelude::*;
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
                    Ok(order) => {
                        // The order includes at least this position (the resource asked so).
                        let seen = untrack(after);
                        EitherOf3::A(view! { <OrderView order seen/> })
                    }
                    Err(error) if error.status() == Some(404) => EitherOf3::B(view! { <OrderNotFound/> }),
                    Err(error) => EitherOf3::C(view! { <ErrorNotice error/> }),
                };
                view.erase()
            })}
        </Suspense>
    }
    .erase()
}

/// A malformed id or an order the server does not know.
#[component]
fn OrderNotFound() -> impl IntoView {
    view! {
        <NotFound
            title="Order not found"
            message="We could not find that order. Please check the link, or start a new order."
            back="Back to the menu"
        />
    }
}
