//! Multi-row statements: many rows written in one `INSERT … VALUES (…), (…)`, so a batch
//! of events costs a statement per table rather than one per row (on PostgreSQL each
//! statement is a network round trip; on SQLite each one holds the single writer).

use crate::db::{DbError, Tx};
use sqlx::Any;
use sqlx::any::AnyArguments;
use sqlx::query::Query;

/// A statement being given its values.
pub(crate) type AnyQuery<'q> = Query<'q, Any, AnyArguments<'q>>;

/// At most this many bound values per statement, well below SQLite's limit (32,766) and
/// PostgreSQL's (65,535); longer lists of rows take several statements.
const MAX_VALUES: usize = 8_000;

/// Writes `rows` with `insert` (`INSERT INTO table (columns)`), `columns` values a row,
/// followed by `conflict` (`ON CONFLICT …`, or empty); `bind` binds one row's values in
/// column order. Nothing is sent for no rows. With `DO UPDATE`, no two rows of one call
/// may share a conflict key (PostgreSQL refuses to update a row twice in one statement).
pub(crate) async fn insert_rows<R, F>(
    tx: &mut Tx,
    insert: &str,
    columns: usize,
    conflict: &str,
    rows: &[R],
    bind: F,
) -> Result<(), DbError>
where
    R: Sync,
    F: for<'q> Fn(AnyQuery<'q>, &'q R) -> AnyQuery<'q> + Send,
{
    let per_statement = (MAX_VALUES / columns.max(1)).max(1);
    for chunk in rows.chunks(per_statement) {
        let sql = format!(
            "{insert} VALUES {} {conflict}",
            placeholders(chunk.len(), columns)
        );
        let mut query = sqlx::query(&sql);
        for row in chunk {
            query = bind(query, row);
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

/// `($1, $2), ($3, $4)` for two rows of two columns.
fn placeholders(rows: usize, columns: usize) -> String {
    (0..rows)
        .map(|row| {
            let values: Vec<String> = (1..=columns)
                .map(|column| format!("${}", row * columns + column))
                .collect();
            format!("({})", values.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_number_every_value_of_every_row_in_order() {
        assert_eq!(placeholders(1, 1), "($1)");
        assert_eq!(placeholders(2, 3), "($1, $2, $3), ($4, $5, $6)");
    }
}
