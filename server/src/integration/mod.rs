//! Integration slice: what other services learn of the shop. Every domain event is
//! offered as a CloudEvent 1.0 (`cloud_event`): pulled a page at a time through
//! `ListIntegrationEvents` (`GET /api/events`), straight from the event log, so an event
//! is there as soon as its command committed; and pushed to `CLOUDEVENTS_SINK_URL`
//! through the outbox (`outbox::published`), at least once, signed like a webhook.

mod cloud_event;

pub(crate) use cloud_event::cloud_event;
pub(crate) mod queries;
