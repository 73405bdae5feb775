//! `PopularPizzasView`: pizzas sold per UTC quarter of an hour (so a look-back starts at
//! the shop's midnight in any zone), `quantity` pizzas in `orders` orders
//! (table `popular_pizzas_view`), read by `GetPopularPizzas`. A cancelled order is taken
//! back out, so the view remembers what each order added while it can still be
//! cancelled (`popular_pizzas_open_orders_view`).
//!
//! - `OrderPlaced`: each pizza of the order adds its quantity and one order to the
//!   quarter the order was placed in; remembered as open.
//! - `OrderCancelled`: an open order's pizzas are subtracted from that quarter again.
//! - `OrderDelivered`: the order can no longer be cancelled, so it is forgotten.

use crate::analytics::buckets::quarter_key;
use crate::db::{DbError, Tx, insert_rows};
use crate::orders::views::{PlaceRun, Placed, Summed, TallyView, add_row, pizza_quantities};
use crate::projections::BoxFuture;

/// Keeps `popular_pizzas_view` up to date.
pub(crate) struct PopularPizzasView;

impl TallyView for PopularPizzasView {
    const NAME: &'static str = "popular_pizzas_view";
    const TABLES: &'static [&'static str] = &["popular_pizzas_open_orders_view", Self::NAME];
    const OPEN_TABLES: &'static [&'static str] = &["popular_pizzas_open_orders_view"];
    const PLACE: PlaceRun = add_orders;

    /// Subtracts what an open order added; nothing for an order already forgotten.
    async fn take_back(tx: &mut Tx, order_id: &str) -> Result<(), DbError> {
        let added: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT pizza_id, quarter, quantity FROM popular_pizzas_open_orders_view \
             WHERE order_id = $1 ORDER BY pizza_id",
        )
        .bind(order_id)
        .fetch_all(&mut **tx)
        .await?;
        for (pizza_id, quarter, quantity) in added {
            sqlx::query(
                "UPDATE popular_pizzas_view SET quantity = quantity - $1, orders = orders - 1 \
                 WHERE quarter = $2 AND pizza_id = $3",
            )
            .bind(quantity)
            .bind(quarter)
            .bind(pizza_id)
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }
}

/// What the orders of a run add to one pizza in one quarter of an hour.
struct QuarterTally {
    quarter: String,
    pizza_id: String,
    pizza_name: String,
    quantity: i64,
    orders: i64,
}

impl Summed for QuarterTally {
    fn same_row(&self, other: &Self) -> bool {
        self.quarter == other.quarter && self.pizza_id == other.pizza_id
    }

    fn add(&mut self, later: Self) {
        self.pizza_name = later.pizza_name;
        self.quantity += later.quantity;
        self.orders += later.orders;
    }
}

/// An order's pizza, remembered while the order can still be cancelled.
struct OpenPizza {
    order_id: String,
    pizza_id: String,
    quarter: String,
    quantity: i64,
}

/// Adds the orders of `run` to their quarters, one row per quarter and pizza, and remembers
/// each as open: a statement per table.
fn add_orders<'t>(tx: &'t mut Tx, run: &'t [Placed]) -> BoxFuture<'t, Result<(), DbError>> {
    Box::pin(async move {
        let mut tallies: Vec<QuarterTally> = Vec::new();
        let mut open = Vec::new();
        for Placed { order, .. } in run {
            let quarter = quarter_key(order.placed_at);
            for pizza in pizza_quantities(order) {
                let tally = QuarterTally {
                    quarter: quarter.clone(),
                    pizza_id: pizza.pizza_id.clone(),
                    pizza_name: pizza.pizza_name.clone(),
                    quantity: pizza.quantity,
                    orders: 1,
                };
                add_row(&mut tallies, tally);
                open.push(OpenPizza {
                    order_id: order.order_id.to_string(),
                    pizza_id: pizza.pizza_id,
                    quarter: quarter.clone(),
                    quantity: pizza.quantity,
                });
            }
        }
        insert_rows(
            tx,
            "INSERT INTO popular_pizzas_view (quarter, pizza_id, pizza_name, quantity, orders)",
            5,
            "ON CONFLICT (quarter, pizza_id) DO UPDATE SET pizza_name = excluded.pizza_name, \
             quantity = popular_pizzas_view.quantity + excluded.quantity, \
             orders = popular_pizzas_view.orders + excluded.orders",
            &tallies,
            |query, tally| {
                query
                    .bind(&tally.quarter)
                    .bind(&tally.pizza_id)
                    .bind(&tally.pizza_name)
                    .bind(tally.quantity)
                    .bind(tally.orders)
            },
        )
        .await?;
        insert_rows(
            tx,
            "INSERT INTO popular_pizzas_open_orders_view (order_id, pizza_id, quarter, quantity)",
            4,
            "ON CONFLICT (order_id, pizza_id) DO NOTHING",
            &open,
            |query, pizza| {
                query
                    .bind(&pizza.order_id)
                    .bind(&pizza.pizza_id)
                    .bind(&pizza.quarter)
                    .bind(pizza.quantity)
            },
        )
        .await
    })
}
