//! `PlaceOrder`: validates the customer's order, prices it from the server's menu and
//! stores it with its `OrderPlaced` event in one transaction.

use crate::db::DbError;
use crate::menu::load_menu;
use crate::orders::OrderPlaced;
use crate::orders::domain::Order;
use crate::orders::store::insert_placed_order;
use app::contracts::{PlaceOrder, PlacedOrder};
use chrono::Utc;
use mediator::{Context, Done, Outcome, Problem, RequestHandler};
use sqlx::AnyPool;
use uuid::Uuid;

/// Handles [`PlaceOrder`]; answers 201 with the id, total and estimated ready time.
pub(crate) struct PlaceOrderHandler {
    pub pool: AnyPool,
}

impl RequestHandler<PlaceOrder> for PlaceOrderHandler {
    #[tracing::instrument(name = "PlaceOrder", skip_all, fields(lines = command.pizza_items.len()))]
    async fn handle(&self, command: PlaceOrder, ctx: &mut Context) -> Outcome<PlacedOrder> {
        let errors = command.validate();
        if !errors.is_empty() {
            return Err(Problem::validation(errors));
        }
        // The menu is read before the write transaction opens: SQLite would otherwise have
        // to upgrade a read lock to a write lock, which fails under concurrent orders.
        let menu = load_menu(&self.pool).await?;
        let order = Order::place(Uuid::new_v4(), command, &menu, Utc::now())
            .map_err(Problem::validation)?;
        let event = OrderPlaced::from(&order);
        let mut tx = self.pool.begin().await.map_err(DbError::from)?;
        insert_placed_order(&mut tx, &event).await?;
        tx.commit().await.map_err(DbError::from)?;
        let placed = PlacedOrder {
            order_id: order.id,
            total_amount: order.total_amount,
            estimated_ready_time: order.estimated_ready_at,
        };
        ctx.record(event);
        Ok(Done::created(placed))
    }
}
