//! The toast: one line at the bottom of the screen saying what the last change did, in
//! view wherever the manager scrolled to. Its live region is always in the page, so
//! screen readers announce each new message.

use leptos::prelude::*;
use std::time::Duration;

/// How long a message stays before it fades on its own.
const SHOWN_FOR: Duration = Duration::from_secs(8);

/// A message for the toast.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Notice {
    pub text: String,
    /// A failure rather than a success.
    pub failed: bool,
}

impl Notice {
    pub(super) fn done(text: String) -> Self {
        Self {
            text,
            failed: false,
        }
    }

    pub(super) fn failed(text: String) -> Self {
        Self { text, failed: true }
    }
}

/// Shows `notice` until it is dismissed, replaced, or [`SHOWN_FOR`] has passed.
#[component]
pub(super) fn Toast(notice: RwSignal<Option<Notice>>) -> impl IntoView {
    // Each message hides itself after a while, unless a newer one replaced it.
    Effect::new(move |_| {
        if let Some(shown) = notice.get() {
            set_timeout(
                move || {
                    if notice.try_get_untracked().flatten().as_ref() == Some(&shown) {
                        notice.set(None);
                    }
                },
                SHOWN_FOR,
            );
        }
    });
    let message = move || {
        notice.get().map(|Notice { text, failed }| {
            view! {
                <div class="toast" class:toast-failed=failed>
                    <p>{text}</p>
                    <button type="button" class="button-link" on:click=move |_| notice.set(None)>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    };

    view! { <div class="toast-region" role="status" aria-live="polite">{message}</div> }
}
