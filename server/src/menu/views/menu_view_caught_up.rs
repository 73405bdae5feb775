//! Keeps the `GetMenu` cache from outliving a menu change. The `Caching` behavior clears
//! the cache when a menu event is published, right after the command commits; but the
//! menu view is updated by the projector a moment later, and a `GetMenu` in between would
//! read the old view and could cache it for the whole TTL.
//!
//! This handler closes that gap: it waits for the projector to reach the head of the
//! event log. `Caching` clears the cache only after every handler of the event returned,
//! so the cache is emptied once the view is current; and an answer read from the old view
//! before that cannot be stored afterwards (its cache ticket is from an older
//! generation). The command itself answers once the view is current, so the member of
//! staff who changed the menu reads their own change. If the projector is more than the
//! 2 s bound behind, the cache is cleared anyway and the TTL bounds the staleness.

use crate::events::head;
use crate::inventory::InventoryEvent;
use crate::menu::MenuEvent;
use crate::projections::ProjectionWatch;
use mediator::{EventError, EventHandler};
use sqlx::AnyPool;

/// Waits, on each menu event, until the menu view includes everything committed.
#[derive(Debug, Clone)]
pub(crate) struct MenuViewCaughtUp {
    pub pool: AnyPool,
    pub views: ProjectionWatch,
}

impl MenuViewCaughtUp {
    async fn wait(&self) -> Result<(), EventError> {
        // The event's own transaction has committed, so the head is at or past it.
        let head = head(&self.pool).await?;
        self.views.wait_for(Some(head)).await?;
        Ok(())
    }
}

impl EventHandler<MenuEvent> for MenuViewCaughtUp {
    async fn handle(&self, _event: &MenuEvent) -> Result<(), EventError> {
        self.wait().await
    }
}

/// A pizza selling out or coming back changes the menu too (`SoldOutView`).
impl EventHandler<InventoryEvent> for MenuViewCaughtUp {
    async fn handle(&self, _event: &InventoryEvent) -> Result<(), EventError> {
        self.wait().await
    }
}
