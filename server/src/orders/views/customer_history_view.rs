//! `CustomerHistoryView`: per customer key (a guest's phone digits, an account's
//! `@username`: `OrderPlaced::customer_key`), how many orders
//! they placed and what they spent, and how many of each pizza they ordered, for their
//! top 3 (tables `customer_history_view`, `customer_pizza_counts_view`). Cancelled orders
//! count nowhere, so the view remembers what each order added while it can still be
//! cancelled (`customer_open_orders_view`, `customer_open_order_pizzas_view`).
//!
//! - `OrderPlaced`: one more order, its total and its pizzas; remembered as open.
//! - `OrderCancelled`: an open order's figures are taken back out, and it is forgotten.
//! - `OrderDelivered`: the order can no longer be cancelled, so it is forgotten.

use crate::db::{DbError, Tx, decimal, insert_rows};
use crate::orders::views::{PlaceRun, Placed, Summed, TallyView, add_row, pizza_quantities};
use crate::projections::BoxFuture;
use rust_decimal::Decimal;

/// Keeps the customer tables up to date.
pub(crate) struct CustomerHistoryView;

impl TallyView for CustomerHistoryView {
    const NAME: &'static str = "customer_history_view";
    const TABLES: &'static [&'static str] = &[
        "customer_open_order_pizzas_view",
        "customer_open_orders_view",
        "customer_pizza_counts_view",
        Self::NAME,
    ];
    const OPEN_TABLES: &'static [&'static str] = &[
        "customer_open_order_pizzas_view",
        "customer_open_orders_view",
    ];
    const PLACE: PlaceRun = add_orders;

    /// Takes a cancelled order's figures back out, if it was still open.
    async fn take_back(tx: &mut Tx, order_id: &str) -> Result<(), DbError> {
        let open: Option<(String, String)> = sqlx::query_as(
            "SELECT customer_key, total_amount FROM customer_open_orders_view WHERE order_id = $1",
        )
        .bind(order_id)
        .fetch_optional(&mut **tx)
        .await?;
        let Some((key, total)) = open else {
            return Ok(());
        };
        let total = decimal("customer_open_orders_view.total_amount", &total)?;
        let phone: (String,) = sqlx::query_as(
            "SELECT customer_phone FROM customer_history_view WHERE customer_key = $1",
        )
        .bind(&key)
        .fetch_one(&mut **tx)
        .await?;
        let taken_back = CustomerTotal {
            key: key.clone(),
            phone: phone.0,
            orders: -1,
            spent: -total,
        };
        add_to_totals(tx, vec![taken_back]).await?;
        let pizzas: Vec<(String, i64)> = sqlx::query_as(
            "SELECT pizza_id, quantity FROM customer_open_order_pizzas_view WHERE order_id = $1 \
             ORDER BY pizza_id",
        )
        .bind(order_id)
        .fetch_all(&mut **tx)
        .await?;
        for (pizza_id, quantity) in pizzas {
            sqlx::query(
                "UPDATE customer_pizza_counts_view SET quantity = quantity - $1 \
                 WHERE customer_key = $2 AND pizza_id = $3",
            )
            .bind(quantity)
            .bind(&key)
            .bind(pizza_id)
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }
}

/// What some orders add to one customer's figures (negative to take back).
struct CustomerTotal {
    key: String,
    phone: String,
    orders: i64,
    spent: Decimal,
}

/// What some orders add to how many of one pizza one customer ordered.
struct PizzaCount {
    key: String,
    pizza_id: String,
    pizza_name: String,
    quantity: i64,
}

impl Summed for CustomerTotal {
    fn same_row(&self, other: &Self) -> bool {
        self.key == other.key
    }

    fn add(&mut self, later: Self) {
        self.phone = later.phone;
        self.orders += later.orders;
        self.spent += later.spent;
    }
}

impl Summed for PizzaCount {
    fn same_row(&self, other: &Self) -> bool {
        self.key == other.key && self.pizza_id == other.pizza_id
    }

    fn add(&mut self, later: Self) {
        self.pizza_name = later.pizza_name;
        self.quantity += later.quantity;
    }
}

/// An open order's pizza.
struct OpenPizza {
    order_id: String,
    pizza_id: String,
    quantity: i64,
}

/// Adds the orders of `run` to their customers' figures, one row per customer and per
/// customer and pizza, and remembers each order as open.
fn add_orders<'t>(tx: &'t mut Tx, run: &'t [Placed]) -> BoxFuture<'t, Result<(), DbError>> {
    Box::pin(async move {
        let mut totals: Vec<CustomerTotal> = Vec::new();
        let mut counts: Vec<PizzaCount> = Vec::new();
        let mut open_pizzas = Vec::new();
        let mut open_orders = Vec::new();
        for Placed { order, .. } in run {
            let key = order.customer_key();
            let total = CustomerTotal {
                key: key.clone(),
                phone: order.customer_phone.clone(),
                orders: 1,
                spent: order.total_amount,
            };
            add_row(&mut totals, total);
            let order_id = order.order_id.to_string();
            for pizza in pizza_quantities(order) {
                let count = PizzaCount {
                    key: key.clone(),
                    pizza_id: pizza.pizza_id.clone(),
                    pizza_name: pizza.pizza_name.clone(),
                    quantity: pizza.quantity,
                };
                add_row(&mut counts, count);
                open_pizzas.push(OpenPizza {
                    order_id: order_id.clone(),
                    pizza_id: pizza.pizza_id,
                    quantity: pizza.quantity,
                });
            }
            open_orders.push((order_id, key, order.total_amount.to_string()));
        }
        add_to_totals(tx, totals).await?;
        insert_rows(
            tx,
            "INSERT INTO customer_open_orders_view (order_id, customer_key, total_amount)",
            3,
            "ON CONFLICT (order_id) DO NOTHING",
            &open_orders,
            |query, (order_id, key, total)| query.bind(order_id).bind(key).bind(total),
        )
        .await?;
        insert_rows(
            tx,
            "INSERT INTO customer_pizza_counts_view (customer_key, pizza_id, pizza_name, quantity)",
            4,
            "ON CONFLICT (customer_key, pizza_id) DO UPDATE SET \
             pizza_name = excluded.pizza_name, \
             quantity = customer_pizza_counts_view.quantity + excluded.quantity",
            &counts,
            |query, count| {
                query
                    .bind(&count.key)
                    .bind(&count.pizza_id)
                    .bind(&count.pizza_name)
                    .bind(count.quantity)
            },
        )
        .await?;
        insert_rows(
            tx,
            "INSERT INTO customer_open_order_pizzas_view (order_id, pizza_id, quantity)",
            3,
            "ON CONFLICT (order_id, pizza_id) DO NOTHING",
            &open_pizzas,
            |query, pizza| {
                query
                    .bind(&pizza.order_id)
                    .bind(&pizza.pizza_id)
                    .bind(pizza.quantity)
            },
        )
        .await
    })
}

/// Adds each of `totals` (no two for the same customer) to the customer's figures.
/// Money is decimal text, so the sums are computed here, then written in one statement.
async fn add_to_totals(tx: &mut Tx, mut totals: Vec<CustomerTotal>) -> Result<(), DbError> {
    for total in &mut totals {
        let current: Option<(i64, String)> = sqlx::query_as(
            "SELECT order_count, total_spent FROM customer_history_view WHERE customer_key = $1",
        )
        .bind(&total.key)
        .fetch_optional(&mut **tx)
        .await?;
        if let Some((count, spent)) = current {
            total.orders += count;
            total.spent += decimal("customer_history_view.total_spent", &spent)?;
        }
    }
    insert_rows(
        tx,
        "INSERT INTO customer_history_view (customer_key, customer_phone, order_count, total_spent)",
        4,
        "ON CONFLICT (customer_key) DO UPDATE SET customer_phone = excluded.customer_phone, \
         order_count = excluded.order_count, total_spent = excluded.total_spent",
        &totals,
        |query, total| {
            query
                .bind(&total.key)
                .bind(&total.phone)
                .bind(total.orders)
                .bind(total.spent.to_string())
        },
    )
    .await
}
