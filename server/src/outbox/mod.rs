//! Outbox slice: messages to the world outside the browser, through a transactional
//! outbox. The projector writes each order event's messages to the `outbox` table
//! (`OutboxProjection`: the customer's confirmation and status changes, a new-order
//! message to the kitchen), so a message exists only for a committed event and is never
//! lost; the [`Dispatcher`] sends them through the configured channels (`log`,
//! `webhook`, `smtp`) at least once, each with an idempotency id, retrying with a growing delay
//! until a message is sent or dead. Managers list the dead ones (`ListDeadMessages`) and
//! send one again (`RetryMessage`). The customer's inbox is another thing: a view
//! (`notifications`).

mod channels;
pub(crate) mod commands;
mod dispatcher;
mod messages;
mod projection;
pub(crate) mod queries;
mod smtp;
#[cfg(test)]
mod smtp_tests;
mod store;
#[cfg(test)]
mod tests;

pub(crate) use channels::Channels;
pub use channels::{NotifyConfig, Webhook};
pub(crate) use dispatcher::{Dispatcher, RetryPolicy};
pub(crate) use projection::OutboxProjection;
pub use smtp::SmtpConfig;
