//! Bulk loading a synthetic history straight into a database, far faster than placing
//! a million orders through the API: the server migrates and seeds the database, then
//! every row goes in through one transaction, in multi-row `INSERT`s on SQLite (journal
//! and syncing off: a half-loaded file is never kept) and `COPY` on PostgreSQL.

use super::history::History;
use super::orders::MenuPizza;
use super::schema::{Cell, Rows, Table};
use super::server::config;
use anyhow::Context as _;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use server::Application;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{Connection, Executor, PgConnection, QueryBuilder, Sqlite, SqliteConnection};
use std::str::FromStr;
use std::time::{Duration, Instant};

/// Rows generated between two writes.
const ROWS_PER_FLUSH: usize = 100_000;
/// SQLite binds at most 32 766 values per statement.
const SQLITE_VALUES_PER_STATEMENT: usize = 30_000;
/// When the last order of every history is placed: fixed, so a size always gives the
/// same rows.
const HISTORY_END: &str = "2026-01-15T20:00:00Z";

/// What a load wrote, and how long it took.
#[derive(Debug)]
pub struct Loaded {
    pub events: i64,
    pub rows: usize,
    pub elapsed: Duration,
}

/// Fills the empty database at `url` with a history of `orders` orders: migrated and
/// seeded by the server first, then events, write model and read models, with the
/// projector's checkpoint at the last event.
pub async fn load(url: &str, orders: usize) -> anyhow::Result<Loaded> {
    let started = Instant::now();
    seed(url).await?;
    let mut db = Writer::connect(url).await?;
    let menu = db.menu().await?;
    let head = db.head().await?;
    let end = DateTime::<Utc>::from_str(HISTORY_END).expect("a timestamp");
    let mut history = History::new(&menu, orders, end, head);
    let mut rows = Rows::new();
    let mut written = 0;
    db.execute("BEGIN").await?;
    while history.next(&mut rows) {
        if rows.len() >= ROWS_PER_FLUSH {
            written += db.write(&mut rows).await?;
        }
    }
    let last = history.finish(&mut rows);
    written += db.write(&mut rows).await?;
    // Every read model's checkpoint (and the shared one of older databases).
    let checkpoint = format!("UPDATE projection_checkpoints SET position = {last}");
    db.execute(&checkpoint).await?;
    db.execute("COMMIT").await?;
    db.finish(last).await?;
    Ok(Loaded {
        events: last - head,
        rows: written,
        elapsed: started.elapsed(),
    })
}

/// Has the server migrate the database, seed the menu and project it, without starting
/// a projector that would apply the loaded events a second time. In a runtime of its
/// own, whose end closes the server's connections: on SQLite the loader needs the file
/// to itself to turn the journal off.
async fn seed(url: &str) -> anyhow::Result<()> {
    let config = config(url);
    tokio::task::spawn_blocking(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        runtime.block_on(Application::rebuild_projections(&config))?;
        anyhow::Ok(())
    })
    .await?
    .context("migrating and seeding")
}

/// A connection of the backend's own driver, which `COPY` and large statements need.
enum Writer {
    Sqlite(SqliteConnection),
    Postgres(PgConnection),
}

impl Writer {
    async fn connect(url: &str) -> anyhow::Result<Self> {
        Ok(if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)?
                .journal_mode(SqliteJournalMode::Off)
                .synchronous(SqliteSynchronous::Off)
                .foreign_keys(false)
                // Order ids are random: their indexes take inserts all over; 512 MiB of
                // page cache instead of the default 2 MiB keeps them in memory.
                .pragma("cache_size", "-524288");
            Self::Sqlite(connect_alone(&options).await?)
        } else {
            Self::Postgres(PgConnection::connect(url).await?)
        })
    }

    async fn execute(&mut self, sql: &str) -> anyhow::Result<()> {
        match self {
            Self::Sqlite(db) => db.execute(sql).await.map(drop),
            Self::Postgres(db) => db.execute(sql).await.map(drop),
        }
        .with_context(|| sql.to_owned())
    }

    /// The seeded menu, as pricing needs it.
    async fn menu(&mut self) -> anyhow::Result<Vec<MenuPizza>> {
        const SQL: &str = "SELECT id, name, base_price, toppings, preparation_minutes \
                           FROM pizzas ORDER BY sort_order";
        let rows: Vec<(String, String, String, String, i64)> = match self {
            Self::Sqlite(db) => sqlx::query_as(SQL).fetch_all(db).await?,
            Self::Postgres(db) => sqlx::query_as(SQL).fetch_all(db).await?,
        };
        rows.into_iter()
            .map(|(id, name, price, toppings, minutes)| {
                Ok(MenuPizza {
                    id,
                    name,
                    base_price: Decimal::from_str(&price)?,
                    toppings: serde_json::from_str(&toppings)?,
                    minutes: u32::try_from(minutes)?,
                })
            })
            .collect()
    }

    /// The last position in the event log (the menu's events).
    async fn head(&mut self) -> anyhow::Result<i64> {
        const SQL: &str = "SELECT COALESCE(MAX(position), 0) FROM events";
        let (head,): (i64,) = match self {
            Self::Sqlite(db) => sqlx::query_as(SQL).fetch_one(db).await?,
            Self::Postgres(db) => sqlx::query_as(SQL).fetch_one(db).await?,
        };
        Ok(head)
    }

    /// Writes and forgets every queued row; returns how many.
    async fn write(&mut self, rows: &mut Rows) -> anyhow::Result<usize> {
        let mut written = 0;
        for (table, rows) in rows.drain() {
            written += rows.len();
            match self {
                Self::Sqlite(db) => insert(db, table, &rows).await,
                Self::Postgres(db) => copy(db, table, &rows).await,
            }
            .with_context(|| format!("writing {}", table.name))?;
        }
        Ok(written)
    }

    /// After the commit: PostgreSQL's identity column continues after the loaded
    /// positions, and statistics and visibility are what autovacuum would have left.
    /// SQLite keeps its `AUTOINCREMENT` counter itself, and the server never runs
    /// `ANALYZE` there, so neither does this.
    async fn finish(mut self, last: i64) -> anyhow::Result<()> {
        if let Self::Postgres(_) = self {
            let advance =
                format!("SELECT setval(pg_get_serial_sequence('events', 'position'), {last})");
            self.execute(&advance).await?;
            self.execute("VACUUM ANALYZE").await?;
        }
        match self {
            Self::Sqlite(db) => db.close().await?,
            Self::Postgres(db) => db.close().await?,
        }
        Ok(())
    }
}

/// Opens the SQLite file with the journal off, which takes the last other connection
/// to have closed: the seeding runtime's close in the background, briefly.
async fn connect_alone(options: &SqliteConnectOptions) -> anyhow::Result<SqliteConnection> {
    let mut attempts = 0;
    loop {
        match SqliteConnection::connect_with(options).await {
            Ok(db) => return Ok(db),
            Err(error) if attempts < 100 && error.to_string().contains("locked") => {
                attempts += 1;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(error) => return Err(error).context("opening the database alone"),
        }
    }
}

/// Multi-row `INSERT`s, as many rows each as SQLite binds values for.
async fn insert(db: &mut SqliteConnection, table: &Table, rows: &[Vec<Cell>]) -> sqlx::Result<()> {
    let per_statement = SQLITE_VALUES_PER_STATEMENT / table.columns.len();
    for chunk in rows.chunks(per_statement) {
        let mut insert: QueryBuilder<Sqlite> = QueryBuilder::new(format!(
            "INSERT INTO {} ({}) ",
            table.name,
            table.columns.join(", ")
        ));
        insert.push_values(chunk, |mut values, row| {
            for cell in row {
                match cell {
                    Cell::Null => values.push_bind(None::<&str>),
                    Cell::Int(value) => values.push_bind(*value),
                    Cell::Text(text) => values.push_bind(text.as_str()),
                };
            }
        });
        insert.build().execute(&mut *db).await?;
    }
    Ok(())
}

/// One `COPY ... FROM STDIN` in text format.
async fn copy(db: &mut PgConnection, table: &Table, rows: &[Vec<Cell>]) -> sqlx::Result<()> {
    let statement = format!(
        "COPY {} ({}) FROM STDIN",
        table.name,
        table.columns.join(", ")
    );
    let mut copy = db.copy_in_raw(&statement).await?;
    let mut buffer = String::with_capacity(1 << 20);
    for row in rows {
        for (index, cell) in row.iter().enumerate() {
            if index > 0 {
                buffer.push('\t');
            }
            match cell {
                Cell::Null => buffer.push_str("\\N"),
                Cell::Int(value) => buffer.push_str(&value.to_string()),
                Cell::Text(text) => escape_into(&mut buffer, text),
            }
        }
        buffer.push('\n');
        if buffer.len() >= 1 << 20 {
            copy.send(buffer.as_bytes()).await?;
            buffer.clear();
        }
    }
    copy.send(buffer.as_bytes()).await?;
    copy.finish().await?;
    Ok(())
}

/// `COPY`'s text format: backslash, tab and line breaks escaped.
fn escape_into(buffer: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\\' => buffer.push_str("\\\\"),
            '\t' => buffer.push_str("\\t"),
            '\n' => buffer.push_str("\\n"),
            '\r' => buffer.push_str("\\r"),
            c => buffer.push(c),
        }
    }
}
