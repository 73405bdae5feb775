//! The traits an application implements: one [`RequestHandler`] per command or query,
//! any number of [`EventHandler`]s per event. Write them as `async fn`.

use crate::{Context, Event, Handled, Request};

/// Answers one request type. Registered once per type with
/// [`MediatorBuilder::handler`](crate::MediatorBuilder::handler).
pub trait RequestHandler<R: Request>: Send + Sync + 'static {
    /// Handles the request; events recorded in `ctx` are published only if this
    /// (and every behavior around it) returns `Ok`.
    fn handle(&self, request: R, ctx: &mut Context) -> impl Handled<R>;
}

/// What an event handler fails with; it is reported, never propagated to the sender.
pub type EventError = Box<dyn std::error::Error + Send + Sync>;

/// Reacts to an event (sends an SMS, updates a projection, ...).
pub trait EventHandler<E: Event>: Send + Sync + 'static {
    /// Handles one event; a failure is reported and does not stop the other handlers.
    fn handle(&self, event: &E) -> impl Future<Output = Result<(), EventError>> + Send;
}
