//! The notification inbox of `/account`: each status change of the customer's orders,
//! unread first. Marking one read or dismissing it re-reads the inbox (and the header's
//! count) at the position the command answered, so the change shows at once.

use crate::api::{dismiss_notification, list_my_notifications, mark_notification_read};
use crate::contracts::{Inbox, Notification, NotificationChanged};
use crate::error::AppError;
use crate::ui::erase::Erase;
use crate::ui::format::{clock_time, long_date, short_id};
use crate::ui::header::AccountRefresh;
use crate::ui::layout::{ErrorNotice, Loading};
use crate::ui::server_data::server_resource;
use leptos::prelude::*;

/// What a button does to a notification.
#[derive(Debug, Clone, Copy)]
enum Act {
    Read,
    Dismiss,
}

/// The inbox, and what its buttons do.
#[component]
pub(super) fn InboxPanel() -> impl IntoView {
    // The position the inbox must include: the last change made here.
    let seen = RwSignal::new(None::<i64>);
    let inbox = server_resource(move || seen.get(), list_my_notifications);
    let failure = RwSignal::new(None::<AppError>);
    let account = AccountRefresh::current();
    let act = Callback::new(move |(id, act): (i64, Act)| {
        leptos::task::spawn_local(async move {
            let answer: Result<NotificationChanged, AppError> = match act {
                Act::Read => mark_notification_read(id).await,
                Act::Dismiss => dismiss_notification(id).await,
            };
            match answer {
                Ok(changed) => {
                    failure.try_set(None);
                    seen.try_set(Some(changed.position));
                    if let Some(account) = account {
                        account.after(changed.position);
                    }
                }
                Err(error) => {
                    failure.try_set(Some(error));
                }
            }
        });
    });
    view! {
        <section class="card inbox" aria-labelledby="inbox-heading">
            <h2 id="inbox-heading">"Notifications"</h2>
            {move || failure.get().map(|error| view! { <p class="alert" role="alert">{error.to_string()}</p> })}
            // Transition: a change keeps the list until the new one arrives.
            <Transition fallback=|| view! { <Loading text="Looking for news…"/> }.erase()>
                {move || Suspend::new(async move {
                    match inbox.await {
                        Ok(inbox) => inbox_list(inbox, act),
                        Err(error) => view! { <ErrorNotice error/> }.erase(),
                    }
                })}
            </Transition>
        </section>
    }
}

fn inbox_list(inbox: Inbox, act: Callback<(i64, Act)>) -> AnyView {
    if inbox.notifications.is_empty() {
        return view! {
            <p class="muted" data-testid="inbox-empty">
                "Nothing here yet. When you order while signed in, we tell you here how it is going."
            </p>
        }
        .erase();
    }
    let summary = match inbox.unread {
        0 => "All read.".to_owned(),
        1 => "1 unread.".to_owned(),
        n => format!("{n} unread."),
    };
    let items = inbox
        .notifications
        .into_iter()
        .map(|notification| notification_item(notification, act))
        .collect_view();
    view! {
        <p class="muted" role="status">{summary}</p>
        <ul class="inbox-list">{items}</ul>
    }
    .erase()
}

fn notification_item(notification: Notification, act: Callback<(i64, Act)>) -> impl IntoView {
    let Notification {
        id,
        order_id,
        status,
        text,
        at,
        read,
    } = notification;
    let status = status.as_str();
    let read_button = (!read).then(|| {
        view! {
            <button type="button" class="button" on:click=move |_| act.run((id, Act::Read))>
                "Mark as read"
            </button>
        }
    });
    view! {
        <li class="inbox-item" class:unread=!read data-testid="notification">
            <div class="inbox-head">
                <span class=format!("badge badge-{status}")>{status}</span>
                {(!read).then(|| view! { <span class="inbox-new">"New"</span> })}
            </div>
            <p class="inbox-text">{text}</p>
            <p class="muted inbox-meta">
                <time datetime=at.to_rfc3339()>{long_date(at)}" · "{clock_time(at)}</time>
                " · "
                <a href=format!("/orders/{order_id}")>"Order " {short_id(order_id)}</a>
            </p>
            <div class="inbox-actions">
                {read_button}
                <button type="button" class="button" on:click=move |_| act.run((id, Act::Dismiss))>
                    "Dismiss"
                </button>
            </div>
        </li>
    }
}
