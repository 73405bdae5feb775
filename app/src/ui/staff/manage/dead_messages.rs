//! The "Messages not sent" section of the management page: what the outbox gave up
//! sending (a customer's confirmation, a kitchen ticket, an event for the sink), with
//! why, and a button that sends one again.

use crate::api::{list_dead_messages, retry_message};
use crate::contracts::DeadMessage;
use crate::ui::erase::Erase;
use crate::ui::layout::Loading;
use crate::ui::server_data::server_resource;
use leptos::either::Either;
use leptos::prelude::*;

/// The section: the dead messages, newest first.
#[component]
pub(super) fn DeadMessagesSection() -> impl IntoView {
    // Counts retries, so the list is read again after each.
    let seen = RwSignal::new(0_u32);
    let dead = server_resource(move || seen.get(), list_dead_messages);
    let status = RwSignal::new(None::<String>);
    view! {
        <section class="manage-section" id="messages" aria-labelledby="messages-heading">
            <div class="section-head">
                <div>
                    <h2 id="messages-heading">"Messages not sent"</h2>
                    <p class="section-note">
                        "Confirmations and updates the shop gave up sending after an hour of tries."
                    </p>
                </div>
            </div>
            <p class="form-status" role="status">{move || status.get()}</p>
            <Transition fallback=|| view! { <Loading text="Loading the messages…"/> }.erase()>
                {move || Suspend::new(async move {
                    let view = match dead.await {
                        Ok(messages) if messages.is_empty() => Either::Left(Either::Left(view! {
                            <p class="empty-note">"Every message was sent."</p>
                        })),
                        Ok(messages) => Either::Left(Either::Right(view! {
                            <ul class="dead-messages">
                                {messages.into_iter().map(|message| view! { <DeadRow message seen status/> }).collect_view()}
                            </ul>
                        })),
                        Err(error) => Either::Right(view! { <p class="alert" role="alert">{error.to_string()}</p> }),
                    };
                    view.erase()
                })}
            </Transition>
        </section>
    }
}

/// One dead message and its retry button.
#[component]
fn DeadRow(
    message: DeadMessage,
    seen: RwSignal<u32>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let busy = RwSignal::new(false);
    let id = message.id.clone();
    let retry = move |_| {
        let id = id.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let outcome = retry_message(id).await;
            if busy.is_disposed() {
                return;
            }
            busy.set(false);
            match outcome {
                Ok(_) => {
                    status.set(Some("Sent again: it goes out within a few seconds.".into()));
                    seen.update(|seen| *seen += 1);
                }
                Err(error) => status.set(Some(error.to_string())),
            }
        });
    };
    let label = format!("Send {} again", message.kind.replace('_', " "));
    view! {
        <li class="card dead-message">
            <p><strong>{message.to}</strong>" · "{message.text}</p>
            <p class="section-note">
                {format!("{} tries; last: {}", message.attempts, message.last_error.unwrap_or_default())}
            </p>
            <button type="button" class="button" aria-label=label on:click=retry disabled=move || busy.get()>
                "Send again"
            </button>
        </li>
    }
}
