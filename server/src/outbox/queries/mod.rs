//! The outbox's queries, one handler per file.

mod list_dead_messages;

pub(crate) use list_dead_messages::ListDeadMessagesHandler;
