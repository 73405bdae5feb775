//! Persistence set-up: one sqlx pool for SQLite (default) or PostgreSQL (by URL),
//! migrated and seeded at start. Queries elsewhere use `$1`-style parameters,
//! which both backends accept.

mod backend;
mod checkpoint;
mod connect;
mod convert;
mod group_commit;
mod outage;
mod rows;
mod snapshot;
mod test_databases;
#[cfg(test)]
pub(crate) mod test_support;
mod unit_of_work;
mod writer;

pub use backend::Backend;
pub(crate) use checkpoint::checkpoint_wal;
pub(crate) use connect::{connect, redact};
pub(crate) use convert::{
    DbError, corrupt, count, decimal, json_list, timestamp, timestamp_text, uuid,
};
pub(crate) use outage::{chain_is_unreachable, database_unavailable};
pub(crate) use rows::insert_rows;
pub(crate) use snapshot::begin_snapshot;
pub use test_databases::create_postgres_database;
pub(crate) use unit_of_work::{SqlUnitOfWork, Tx, begin_write, transaction};
pub(crate) use writer::Writer;
