//! `PopularPizzasView`: pizzas sold per UTC day, `quantity` pizzas in `orders` orders
//! (table `popular_pizzas_view`), read by `GetPopularPizzas`. A cancelled order is taken
//! back out, so the view remembers what each order added while it can still be
//! cancelled (`popular_pizzas_open_orders_view`).
//!
//! - `OrderPlaced`: each pizza of the order adds its quantity and one order to the day
//!   the order was placed; remembered as open.
//! - `OrderCancelled`: an open order's pizzas are subtracted from that day again.
//! - `OrderDelivered`: the order can no longer be cancelled, so it is forgotten.

use crate::analytics::buckets::key;
use crate::db::{DbError, Tx};
use crate::events::StoredEvent;
use crate::orders::views::pizza_quantities;
use crate::orders::{OrderCancelled, OrderDelivered, OrderPlaced};
use crate::projections::{BoxFuture, Projection};
use app::contracts::TimeBucket;

/// Keeps `popular_pizzas_view` up to date.
pub(crate) struct PopularPizzasView;

impl Projection for PopularPizzasView {
    fn name(&self) -> &'static str {
        "popular_pizzas_view"
    }

    fn tables(&self) -> &'static [&'static str] {
        &["popular_pizzas_open_orders_view", "popular_pizzas_view"]
    }

    fn apply<'a>(
        &'a self,
        tx: &'a mut Tx,
        event: &'a StoredEvent,
    ) -> BoxFuture<'a, Result<(), DbError>> {
        Box::pin(async move {
            if let Some(placed) = event.decode::<OrderPlaced>() {
                add_order(tx, &placed?).await
            } else if let Some(cancelled) = event.decode::<OrderCancelled>() {
                let order_id = cancelled?.order_id.to_string();
                take_back(tx, &order_id).await?;
                forget(tx, &order_id).await
            } else if let Some(delivered) = event.decode::<OrderDelivered>() {
                forget(tx, &delivered?.order_id.to_string()).await
            } else {
                Ok(())
            }
        })
    }
}

async fn add_order(tx: &mut Tx, order: &OrderPlaced) -> Result<(), DbError> {
    let day = key(TimeBucket::Day, order.placed_at);
    for pizza in pizza_quantities(order) {
        sqlx::query(
            "INSERT INTO popular_pizzas_view (day, pizza_id, pizza_name, quantity, orders) \
             VALUES ($1, $2, $3, $4, 1) ON CONFLICT (day, pizza_id) DO UPDATE SET \
             pizza_name = excluded.pizza_name, \
             quantity = popular_pizzas_view.quantity + excluded.quantity, \
             orders = popular_pizzas_view.orders + 1",
        )
        .bind(&day)
        .bind(&pizza.pizza_id)
        .bind(&pizza.pizza_name)
        .bind(pizza.quantity)
        .execute(&mut **tx)
        .await?;
        sqlx::query(
            "INSERT INTO popular_pizzas_open_orders_view (order_id, pizza_id, day, quantity) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (order_id, pizza_id) DO NOTHING",
        )
        .bind(order.order_id.to_string())
        .bind(&pizza.pizza_id)
        .bind(&day)
        .bind(pizza.quantity)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Subtracts what an open order added; nothing for an order already forgotten.
async fn take_back(tx: &mut Tx, order_id: &str) -> Result<(), DbError> {
    let added: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT pizza_id, day, quantity FROM popular_pizzas_open_orders_view \
         WHERE order_id = $1 ORDER BY pizza_id",
    )
    .bind(order_id)
    .fetch_all(&mut **tx)
    .await?;
    for (pizza_id, day, quantity) in added {
        sqlx::query(
            "UPDATE popular_pizzas_view SET quantity = quantity - $1, orders = orders - 1 \
             WHERE day = $2 AND pizza_id = $3",
        )
        .bind(quantity)
        .bind(day)
        .bind(pizza_id)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

async fn forget(tx: &mut Tx, order_id: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM popular_pizzas_open_orders_view WHERE order_id = $1")
        .bind(order_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
