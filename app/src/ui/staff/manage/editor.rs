//! [`Editor`]: what every part of the menu editor shares. One command at a time: while
//! one is on its way every button that sends one is disabled (two changes to one pizza
//! would race, and the second would answer 409). A change that succeeds says so in the
//! toast and reloads the list, asking it to include the change's event position.

use super::toast::Notice;
use crate::contracts::MenuChanged;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

/// The menu editor's shared state. `Copy`, so every closure can take it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Editor {
    /// True while a command is on its way.
    pub busy: RwSignal<bool>,
    /// The last outcome, shown in the toast.
    pub notice: RwSignal<Option<Notice>>,
    /// Position of the last change: the list's `min_position`, so it reloads with it.
    pub seen: RwSignal<Option<i64>>,
    /// The pizza whose row takes the keyboard focus once the list has reloaded: the list
    /// is built anew, and focus would otherwise fall back to the top of the page.
    pub focus: RwSignal<Option<String>>,
}

impl Editor {
    pub(super) fn new() -> Self {
        Self {
            busy: RwSignal::new(false),
            notice: RwSignal::new(None),
            seen: RwSignal::new(None),
            focus: RwSignal::new(None),
        }
    }

    /// Sends one menu command unless another is on its way. On success the toast says
    /// `done` and the list reloads; either way `then` hears how it went (a form closes,
    /// or shows the error beside the fields it names). A plain task rather than an
    /// `Action`, as the checkout does, for a smaller wasm bundle.
    pub(super) fn send(
        self,
        command: impl Future<Output = Result<MenuChanged, AppError>> + 'static,
        done: String,
        then: impl FnOnce(Result<(), AppError>) + 'static,
    ) {
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        self.notice.set(None);
        spawn_local(async move {
            let outcome = command.await;
            // The manager left the page meanwhile: nothing left to update.
            if self.busy.is_disposed() {
                return;
            }
            self.busy.set(false);
            match outcome {
                Ok(changed) => {
                    self.notice.set(Some(Notice::done(done)));
                    self.seen.set(Some(changed.position));
                    then(Ok(()));
                }
                Err(error) => {
                    self.focus.set(None);
                    then(Err(error));
                }
            }
        });
    }

    /// What a change that has no form of its own does when it fails: the toast says why.
    pub(super) fn report(self) -> impl FnOnce(Result<(), AppError>) + 'static {
        move |outcome| {
            if let Err(error) = outcome {
                self.notice.set(Some(Notice::failed(error.to_string())));
            }
        }
    }
}
