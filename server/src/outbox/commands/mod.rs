//! The outbox's commands, one handler per file.

mod retry_message;

pub(crate) use retry_message::RetryMessageHandler;
