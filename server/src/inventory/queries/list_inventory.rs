//! `ListInventory`: every ingredient's level, by name, from the `ingredients` table.

use crate::db::DbError;
use app::contracts::{ListInventory, StockLevel};
use mediator::{Context, Done, Outcome, RequestHandler};
use sqlx::{AnyConnection, AnyPool};

/// Answers [`ListInventory`].
pub(crate) struct ListInventoryHandler {
    pub pool: AnyPool,
}

const COLUMNS: &str = "SELECT ingredient, unit, on_hand, reserved, low_stock_at FROM ingredients";

type Row = (String, String, i64, i64, i64);

fn level((ingredient, unit, on_hand, reserved, low_stock_at): Row) -> StockLevel {
    StockLevel {
        ingredient,
        unit,
        on_hand,
        reserved,
        available: on_hand - reserved,
        low_stock_at,
    }
}

impl RequestHandler<ListInventory> for ListInventoryHandler {
    #[tracing::instrument(name = "ListInventory", skip_all)]
    async fn handle(&self, _query: ListInventory, _ctx: &mut Context) -> Outcome<Vec<StockLevel>> {
        let rows: Vec<Row> = sqlx::query_as(&format!("{COLUMNS} ORDER BY ingredient"))
            .fetch_all(&self.pool)
            .await
            .map_err(DbError::from)?;
        Ok(Done::ok(rows.into_iter().map(level).collect()))
    }
}

/// One ingredient's level, if it is stocked.
pub(crate) async fn find_level(
    connection: &mut AnyConnection,
    ingredient: &str,
) -> Result<Option<StockLevel>, DbError> {
    let row: Option<Row> = sqlx::query_as(&format!("{COLUMNS} WHERE ingredient = $1"))
        .bind(ingredient)
        .fetch_optional(connection)
        .await?;
    Ok(row.map(level))
}
