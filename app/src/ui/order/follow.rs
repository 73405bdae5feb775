//! Keeps an open order page current: follows the order's live stream and re-reads the
//! order when the stream (re)opens or after the customer acted: between those moments
//! none of the order's own changes can have been missed. Its estimated ready time moves
//! with the whole kitchen's queue, which the stream does not carry, so while the order
//! waits or cooks the page also reads it again every [`ESTIMATE_EVERY`].

use super::tracking::Tracking;
use crate::api::get_order;
use crate::contracts::OrderStatus;
use crate::ui::header::AccountRefresh;
use crate::ui::live::subscribe_updates;
use leptos::prelude::*;
use uuid::Uuid;

/// How often a waiting or cooking order's estimate is read again.
#[cfg(feature = "hydrate")]
const ESTIMATE_EVERY: std::time::Duration = std::time::Duration::from_secs(30);

/// Follows `/api/orders/{id}/stream` for as long as the calling component lives, unless
/// the order is already delivered or cancelled (nothing more can happen to it). Answers
/// whether the stream is open, when it follows one.
pub(super) fn follow(order_id: Uuid, tracking: RwSignal<Tracking>) -> Option<ReadSignal<bool>> {
    let (status, seen) = tracking.with_untracked(|tracking| (tracking.status(), tracking.seen()));
    if matches!(status, OrderStatus::Delivered | OrderStatus::Cancelled) {
        return None;
    }
    // With a known position the stream skips what the page already shows; without one
    // it replays the order from its first event, which `Tracking` takes as repeats.
    let url = match seen {
        Some(position) => format!("/api/orders/{order_id}/stream?after={position}"),
        None => format!("/api/orders/{order_id}/stream"),
    };
    // A customer's order changing adds to their inbox: the header counts it.
    let account = AccountRefresh::current();
    let live = subscribe_updates(
        url,
        move |update| {
            if let Some(account) = account {
                account.after(update.position);
            }
            tracking.maybe_update(|tracking| tracking.apply(&update))
        },
        move || {
            leptos::task::spawn_local(reread(order_id, tracking, None));
        },
    );
    refresh_estimate(order_id, tracking);
    Some(live)
}

/// Reads the order again every [`ESTIMATE_EVERY`] while it waits or cooks, for its
/// estimate, for as long as the calling component lives.
#[cfg(feature = "hydrate")]
fn refresh_estimate(order_id: Uuid, tracking: RwSignal<Tracking>) {
    if let Ok(handle) = set_interval_with_handle(
        move || {
            let waiting = tracking
                .try_with_untracked(|tracking| tracking.ready_estimate().is_some())
                .unwrap_or(false);
            if waiting {
                leptos::task::spawn_local(reread(order_id, tracking, None));
            }
        },
        ESTIMATE_EVERY,
    ) {
        on_cleanup(move || handle.clear());
    }
}

#[cfg(not(feature = "hydrate"))]
fn refresh_estimate(_order_id: Uuid, _tracking: RwSignal<Tracking>) {}

/// Reads the order again, at least as new as `min_position` or what the page has seen,
/// and merges it in. A failed read changes nothing: the stream goes on, and the next
/// time it opens the page reads again.
pub(super) async fn reread(
    order_id: Uuid,
    tracking: RwSignal<Tracking>,
    min_position: Option<i64>,
) {
    let Some(seen) = tracking.try_with_untracked(Tracking::seen) else {
        return;
    };
    let min_position = min_position.max(seen);
    if let Ok(order) = get_order(order_id, min_position).await
        && !tracking.is_disposed()
    {
        tracking.maybe_update(|tracking| tracking.merge(&order));
    }
}
