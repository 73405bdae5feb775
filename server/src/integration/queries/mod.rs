//! The integration queries, one handler per file.

mod list_integration_events;
#[cfg(test)]
mod tests;

pub(crate) use list_integration_events::ListIntegrationEventsHandler;
