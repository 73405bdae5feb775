//! The sqlx unit of work the mediator's `Transactional` behavior opens around every
//! command: a handler writes through the transaction it finds in its context, and the
//! behavior commits only when the handler answered `Ok`.

use crate::db::Writer;
use crate::db::group_commit::WriteSlot;
use crate::db::{Backend, DbError};
use mediator::{Context, Problem, UnitOfWork};
use sqlx::{Any, AnyConnection, AnyPool, Transaction};
use std::ops::{Deref, DerefMut};
use std::sync::Arc;
use tokio::sync::Notify;

/// A transaction to read or write through: `&mut **tx` is the connection. On SQLite,
/// commands and the projector get a place in the [`Writer`]'s shared transaction;
/// otherwise, and for queries and tests, a transaction of its own on a pooled connection.
pub(crate) struct Tx {
    inner: Inner,
    /// Whether `lock_for_append` took the append lock already: it lasts until the end.
    append_locked: bool,
}

enum Inner {
    /// A pooled transaction; the notice, if any, is told after it commits.
    Own(Transaction<'static, Any>, Option<Arc<Notify>>),
    Shared(WriteSlot),
}

impl Tx {
    fn of(inner: Inner) -> Self {
        Self {
            inner,
            append_locked: false,
        }
    }

    /// Whether this transaction holds the append lock (PostgreSQL), which it keeps to
    /// its end once taken.
    pub(crate) fn holds_append_lock(&self) -> bool {
        self.append_locked
    }

    /// Notes that the append lock was taken.
    pub(crate) fn took_append_lock(&mut self) {
        self.append_locked = true;
    }

    /// Makes the writes permanent; for a writer, once the shared commit is done.
    pub async fn commit(self) -> Result<(), DbError> {
        match self.inner {
            Inner::Own(tx, notice) => {
                tx.commit().await?;
                if let Some(notice) = notice {
                    notice.notify_one();
                }
                Ok(())
            }
            Inner::Shared(slot) => slot.commit().await,
        }
    }

    /// A pooled transaction that tells `committed` once it commits.
    pub(crate) fn notifying(tx: Transaction<'static, Any>, committed: Arc<Notify>) -> Self {
        Self::of(Inner::Own(tx, Some(committed)))
    }

    /// Discards the writes.
    pub async fn rollback(self) -> Result<(), DbError> {
        match self.inner {
            Inner::Own(tx, _) => Ok(tx.rollback().await?),
            Inner::Shared(slot) => slot.rollback().await,
        }
    }
}

impl From<Transaction<'static, Any>> for Tx {
    fn from(tx: Transaction<'static, Any>) -> Self {
        Self::of(Inner::Own(tx, None))
    }
}

impl From<WriteSlot> for Tx {
    fn from(slot: WriteSlot) -> Self {
        Self::of(Inner::Shared(slot))
    }
}

impl Deref for Tx {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        match &self.inner {
            Inner::Own(tx, _) => tx,
            Inner::Shared(slot) => slot.connection_ref(),
        }
    }
}

impl DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        match &mut self.inner {
            Inner::Own(tx, _) => tx,
            Inner::Shared(slot) => slot.connection(),
        }
    }
}

/// Opens a write transaction of its own on a pooled connection, outside the [`Writer`]:
/// for tests that set up rows and for a rebuild with the server stopped.
pub(crate) async fn begin_write(pool: &AnyPool, backend: Backend) -> Result<Tx, DbError> {
    Ok(pool.begin_with(backend.begin_write()).await?.into())
}

/// Runs every command in a transaction of the [`Writer`].
pub(crate) struct SqlUnitOfWork {
    pub writer: Writer,
}

impl UnitOfWork for SqlUnitOfWork {
    type Tx = Tx;

    async fn begin(&self) -> Result<Tx, Problem> {
        Ok(self.writer.begin().await?)
    }

    async fn commit(&self, tx: Tx) -> Result<(), Problem> {
        Ok(tx.commit().await?)
    }

    async fn rollback(&self, tx: Tx) -> Result<(), Problem> {
        Ok(tx.rollback().await?)
    }
}

/// The command's transaction; a command handler registered without the `Transactional`
/// behavior gets a 500 (a wiring mistake) rather than writing outside a transaction.
pub(crate) fn transaction(ctx: &mut Context) -> Result<&mut Tx, Problem> {
    ctx.transaction::<Tx>()
        .ok_or_else(|| Problem::internal("command handler ran without a transaction"))
}

#[cfg(test)]
mod tests {
    //! The unit of work against a real database (SQLite, or PostgreSQL when
    //! `TEST_DATABASE_URL` is set): what a command writes lands together with its events,
    //! or not at all.
    use super::*;
    use crate::db::test_support::{TestDatabase, test_database};
    use mediator::{
        Done, Event, EventError, EventHandler, Mediator, Outcome, Request, RequestHandler,
        RequestKind, Transactional,
    };
    use std::sync::{Arc, Mutex};

    /// Adds a pizza row, then fails when asked to: a stand-in for any command.
    struct AddTestPizza {
        fail_after_write: bool,
    }

    impl Request for AddTestPizza {
        type Response = ();
        const KIND: RequestKind = RequestKind::Command;
    }

    #[derive(Clone)]
    struct TestPizzaAdded;

    impl Event for TestPizzaAdded {}

    struct Handler;

    impl RequestHandler<AddTestPizza> for Handler {
        async fn handle(&self, command: AddTestPizza, ctx: &mut Context) -> Outcome<()> {
            let tx = transaction(ctx)?;
            sqlx::query(
                "INSERT INTO pizzas (id, name, description, base_price, category, toppings, \
                 preparation_minutes, sort_order) VALUES ('test', 'Test', '', '1.00', 'X', '[]', 1, 99)",
            )
            .execute(&mut **tx)
            .await
            .map_err(DbError::from)?;
            ctx.record(TestPizzaAdded);
            if command.fail_after_write {
                return Err(Problem::conflict("refused after writing"));
            }
            Ok(Done::created(()))
        }
    }

    /// Records, when the event arrives, whether the row is already visible to others.
    struct SeesCommittedRow {
        pool: AnyPool,
        seen: Arc<Mutex<Vec<bool>>>,
    }

    impl EventHandler<TestPizzaAdded> for SeesCommittedRow {
        async fn handle(&self, _event: &TestPizzaAdded) -> Result<(), EventError> {
            let visible = test_rows(&self.pool).await == 1;
            self.seen.lock().unwrap().push(visible);
            Ok(())
        }
    }

    async fn test_rows(pool: &AnyPool) -> i64 {
        let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM pizzas WHERE id = 'test'")
            .fetch_one(pool)
            .await
            .unwrap();
        count
    }

    async fn setup() -> (TestDatabase, AnyPool, Mediator, Arc<Mutex<Vec<bool>>>) {
        let db = test_database().await;
        let pool = db.pool.clone();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let unit = SqlUnitOfWork {
            writer: Writer::new(&pool, db.backend, Arc::default())
                .await
                .unwrap(),
        };
        let mediator = Mediator::builder()
            .behavior(Transactional::new(unit))
            .handler::<AddTestPizza, _>(Handler)
            .event_handler::<TestPizzaAdded, _>(SeesCommittedRow {
                pool: pool.clone(),
                seen: seen.clone(),
            })
            .build()
            .unwrap();
        (db, pool, mediator, seen)
    }

    #[tokio::test]
    async fn a_successful_command_commits_before_its_event_is_published() {
        let (_db, pool, mediator, seen) = setup().await;
        mediator
            .send(AddTestPizza {
                fail_after_write: false,
            })
            .await
            .unwrap();
        assert_eq!(test_rows(&pool).await, 1);
        assert_eq!(*seen.lock().unwrap(), [true]);
    }

    #[tokio::test]
    async fn a_refused_command_leaves_no_row_and_publishes_no_event() {
        let (_db, pool, mediator, seen) = setup().await;
        let problem = mediator
            .send(AddTestPizza {
                fail_after_write: true,
            })
            .await
            .unwrap_err();
        assert_eq!(problem.code(), 409);
        assert_eq!(test_rows(&pool).await, 0);
        assert!(seen.lock().unwrap().is_empty());
    }
}
