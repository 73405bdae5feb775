//! "Cancel order" on the order page, while the order is `pending`: a button that opens
//! an inline confirmation with an optional reason, then sends `CancelOrder`. The server
//! decides: a customer may only cancel a pending order, so a kitchen that started a
//! moment earlier answers with a refusal, which stays visible after the button goes.

use super::follow::reread;
use super::tracking::Tracking;
use crate::api::cancel_order;
use crate::contracts::{MAX_REASON_LEN, OrderStatus};
use crate::error::AppError;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use uuid::Uuid;

/// The reason sent when the customer gives none: `CancelOrder` needs one.
const DEFAULT_REASON: &str = "Cancelled by the customer";

/// The cancel button and its confirmation, shown only while the order is pending, and
/// the last refusal, shown whatever the status.
#[component]
pub(super) fn CancelPanel(
    order_id: Uuid,
    tracking: RwSignal<Tracking>,
    status: Memo<OrderStatus>,
) -> impl IntoView {
    let pending = Memo::new(move |_| status.get() == OrderStatus::Pending);
    let open = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let sending = RwSignal::new(false);
    let failure = RwSignal::new(None::<AppError>);

    let confirm = move |ev: SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        failure.set(None);
        sending.set(true);
        let reason = reason.with_untracked(|reason| reason_or_default(reason));
        send_cancel(order_id, reason, tracking, sending, failure);
    };
    let controls = move || {
        pending.get().then(|| {
            view! {
                <button
                    type="button"
                    class="button button-secondary"
                    aria-expanded=move || open.get().to_string()
                    aria-controls="cancel-confirm"
                    on:click=move |_| open.update(|open| *open = !*open)
                >
                    "Cancel order"
                </button>
                <form id="cancel-confirm" class="cancel-confirm" hidden=move || !open.get() on:submit=confirm>
                    <p>"Cancel this order? The kitchen has not started on it yet."</p>
                    <div class="field">
                        <label for="cancel-reason">"Reason (optional)"</label>
                        <input
                            id="cancel-reason"
                            name="reason"
                            type="text"
                            maxlength=MAX_REASON_LEN.to_string()
                            prop:value=reason
                            on:input=move |ev| reason.set(event_target_value(&ev))
                        />
                    </div>
                    <div class="cancel-actions">
                        <button type="submit" class="button button-danger" disabled=move || sending.get()>
                            {move || if sending.get() { "Cancelling…" } else { "Confirm cancellation" }}
                        </button>
                        <button type="button" class="button-link" on:click=move |_| open.set(false)>
                            "Keep my order"
                        </button>
                    </div>
                </form>
            }
        })
    };

    view! {
        <div class="cancel">
            {controls}
            {move || {
                failure.get().map(|error| {
                    let message = error.field_message("reason").unwrap_or_else(|| error.to_string());
                    view! { <p class="alert" role="alert" data-testid="cancel-error">{message}</p> }
                })
            }}
        </div>
    }
}

/// The reason as typed, or [`DEFAULT_REASON`] when blank.
fn reason_or_default(typed: &str) -> String {
    match typed.trim() {
        "" => DEFAULT_REASON.to_owned(),
        reason => reason.to_owned(),
    }
}

/// Sends `CancelOrder`, then re-reads the order either way: after a success, to show
/// the cancellation with its time (the stream brings it too, but may be down); after a
/// refusal, because the refusal usually means the order moved on.
fn send_cancel(
    order_id: Uuid,
    reason: String,
    tracking: RwSignal<Tracking>,
    sending: RwSignal<bool>,
    failure: RwSignal<Option<AppError>>,
) {
    leptos::task::spawn_local(async move {
        let outcome = cancel_order(order_id, reason).await;
        // The customer left the page meanwhile.
        if sending.is_disposed() {
            return;
        }
        sending.set(false);
        let min_position = match outcome {
            Ok(changed) => Some(changed.position),
            Err(error) => {
                failure.set(Some(error));
                None
            }
        };
        reread(order_id, tracking, min_position).await;
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_reason_becomes_the_default_one() {
        assert_eq!(reason_or_default("  "), DEFAULT_REASON);
        assert_eq!(reason_or_default(" Wrong address "), "Wrong address");
    }
}
