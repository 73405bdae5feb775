//! `PlaceOrder`: prices the customer's order from the server's menu, bills it with the
//! shop's charges and promo code (`pricing::bill`), charges a card order's total
//! (`ProcessPayment`, whose 402 stores nothing), and stores it, with its `OrderPlaced`
//! event appended to the event store, in the command's transaction. Input rules were already
//! enforced by the validation behavior (`PlaceOrder::validate`). Sent with an
//! [`IdempotencyKey`] in its context, a retry answers the first placement again.

use crate::db::{Tx, transaction};
use crate::events::{lock_for_append, record};
use crate::idempotency::{Remembered, recall, remember};
use crate::inventory::{RecipeBook, reserve_stock};
use crate::menu::load_pizzas;
use crate::orders::domain::Order;
use crate::orders::store::insert_placed_order;
use crate::orders::{OrderEvent, OrderLimits, OrderPlaced};
use crate::payments::commands::{ProcessPayment, ProcessPaymentHandler};
use crate::pricing::{bill, use_promo};
use app::contracts::{Caller, IdempotencyKey, PlaceOrder, PlacedOrder};
use chrono::Utc;
use mediator::{Context, Done, FieldError, Outcome, Problem, RequestHandler};
use uuid::Uuid;

/// Handles [`PlaceOrder`]; answers 201 with the id, total and estimated ready time.
pub(crate) struct PlaceOrderHandler {
    /// The largest order taken: more pizzas or a higher total is refused with 422.
    pub limits: OrderLimits,
    /// Charges a card order, in this command's transaction.
    pub payments: ProcessPaymentHandler,
    /// The recipes stock is reserved by, read once.
    pub recipes: RecipeBook,
}

impl RequestHandler<PlaceOrder> for PlaceOrderHandler {
    #[tracing::instrument(name = "PlaceOrder", skip_all, fields(lines = command.pizza_items.len()))]
    async fn handle(&self, command: PlaceOrder, ctx: &mut Context) -> Outcome<PlacedOrder> {
        let key = ctx.get::<IdempotencyKey>().cloned();
        // A signed-in customer's order is theirs: it counts in their account's history.
        let owner = ctx
            .get::<Caller>()
            .and_then(Caller::customer)
            .map(|customer| customer.username.clone());
        // The card's number and code are no part of what is remembered, not even hashed.
        let sent = key
            .as_ref()
            .map(|key| Remembered::new("PlaceOrder", key, &command.without_card_secrets()))
            .transpose()?;
        let tx = transaction(ctx)?;
        if let Some(sent) = &sent {
            // On PostgreSQL two requests with one key may run at once: the append lock,
            // taken before looking, makes the second wait for the first to commit and
            // then find its answer (SQLite's one writer already runs them in turn).
            lock_for_append(tx).await?;
            if let Some(placed) = recall::<PlacedOrder>(tx, sent).await? {
                return Ok(Done::created(placed));
            }
        }
        // Read in the same transaction: the prices charged are the ones committed with it.
        let ordered = command
            .pizza_items
            .iter()
            .map(|item| item.pizza_id.as_str());
        let menu = load_pizzas(&mut **tx, ordered).await?;
        let promo_code = command.promo_code.clone();
        let card = command.card.clone();
        let mut order = Order::place(Uuid::new_v4(), command, &menu, Utc::now())
            .map_err(Problem::validation)?;
        order.owner = owner;
        charge(tx, &mut order, promo_code.as_deref()).await?;
        let pizzas = order
            .lines
            .iter()
            .map(|line| u64::from(line.quantity))
            .sum();
        self.limits
            .check(pizzas, order.total_amount)
            .map_err(Problem::validation)?;
        // Stock before payment: a card is never charged for pizzas the kitchen cannot make.
        reserve_stock(ctx, &self.recipes, order.id, &order.lines).await?;
        if let Some(card) = card {
            let payment = ProcessPayment {
                order_id: order.id,
                amount: order.total_amount,
                card,
            };
            self.payments.handle(payment, ctx).await?;
        }
        let tx = transaction(ctx)?;
        let event = OrderPlaced::from(&order);
        insert_placed_order(tx, &event).await?;
        let appended = record(ctx, 0, OrderEvent::OrderPlaced(event)).await?;
        let placed = PlacedOrder {
            order_id: order.id,
            total_amount: order.total_amount,
            estimated_ready_time: order.estimated_ready_at,
            position: appended.position,
        };
        if let Some(sent) = &sent {
            remember(transaction(ctx)?, sent, &placed).await?;
        }
        Ok(Done::created(placed))
    }
}

/// Bills `order` with the shop's charges and `promo_code`, and counts the code's use.
async fn charge(tx: &mut Tx, order: &mut Order, promo_code: Option<&str>) -> Result<(), Problem> {
    order.bill(bill(tx, order.subtotal(), promo_code, order.created_at).await?);
    if let Some(code) = &order.breakdown.promo_code
        && !use_promo(tx, code).await?
    {
        // The last use went to an order that committed after the code was read.
        let message = format!("{code} has been used up.");
        return Err(Problem::validation(vec![FieldError::new(
            "promo_code",
            message,
        )]));
    }
    Ok(())
}
