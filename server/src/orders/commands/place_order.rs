//! `PlaceOrder`: prices the customer's order from the server's menu, bills it with the
//! shop's charges and promo code (`pricing::bill`), charges a card order's total
//! (`ProcessPayment`, whose 402 stores nothing), and stores it, with its `OrderPlaced`
//! event appended to the event store, in a transaction of its own. Input rules were
//! already enforced by the validation behavior (`PlaceOrder::validate`). Sent with an
//! [`IdempotencyKey`] in its context, a retry answers the first placement again.
//!
//! A card is charged before the transaction opens (the handler is wired outside the
//! `Transactional` behavior): a gateway that takes a second to answer holds up this
//! order only, never the writer every other command waits for. The order is priced and
//! its stock checked first, priced again in the transaction, and stored only if the
//! total is still the one charged; whenever it is not stored, the charge is refunded.

use crate::db::{DbError, SqlUnitOfWork, Tx, transaction};
use crate::events::record;
use crate::idempotency::{KeyTurns, Remembered, recall, remember};
use crate::inventory::{RecipeBook, check_stock, reserve_stock};
use crate::kitchen::{KitchenLimits, ready_time};
use crate::menu::load_pizzas;
use crate::orders::domain::Order;
use crate::orders::store::insert_placed_order;
use crate::orders::{OrderEvent, OrderLimits, OrderPlaced};
use crate::payments::commands::{ProcessPayment, ProcessPaymentHandler};
use crate::payments::{PaymentCaptured, PaymentEvent};
use crate::pricing::{bill, use_promo};
use app::contracts::{Caller, IdempotencyKey, PlaceOrder, PlacedOrder};
use chrono::{DateTime, Utc};
use mediator::{Context, Done, FieldError, Outcome, Problem, RequestHandler, Transactional};
use sqlx::{AnyConnection, AnyPool};
use uuid::Uuid;

/// Handles [`PlaceOrder`]; answers 201 with the id, total and estimated ready time.
pub(crate) struct PlaceOrderHandler {
    /// The largest order taken: more pizzas or a higher total is refused with 422.
    pub limits: OrderLimits,
    /// Charges a card order before its transaction opens.
    pub payments: ProcessPaymentHandler,
    /// The recipes stock is reserved by, read once.
    pub recipes: RecipeBook,
    /// Where a card order is priced and its stock checked before the charge.
    pub pool: AnyPool,
    /// The transaction the order is stored in.
    pub unit: Transactional<SqlUnitOfWork>,
    /// Requests with one idempotency key, one at a time.
    pub turns: KeyTurns,
    /// How many orders the kitchen cooks at once and the longest wait it takes.
    pub kitchen: KitchenLimits,
}

/// An order being placed: the same id and time each time it is priced.
struct Placing {
    id: Uuid,
    at: DateTime<Utc>,
    /// A signed-in customer's order is theirs: it counts in their account's history.
    owner: Option<String>,
    command: PlaceOrder,
}

impl RequestHandler<PlaceOrder> for PlaceOrderHandler {
    #[tracing::instrument(name = "PlaceOrder", skip_all, fields(lines = command.pizza_items.len()))]
    async fn handle(&self, command: PlaceOrder, ctx: &mut Context) -> Outcome<PlacedOrder> {
        let key = ctx.get::<IdempotencyKey>().cloned();
        // The card's number and code are no part of what is remembered, not even hashed.
        let sent = key
            .as_ref()
            .map(|key| Remembered::new("PlaceOrder", key, &command.without_card_secrets()))
            .transpose()?;
        // Of two requests with one key, the second waits here and then finds the answer.
        let _turn = match &sent {
            Some(sent) => Some(self.turns.take(sent.scope, sent.key).await),
            None => None,
        };
        if let Some(sent) = &sent {
            let mut conn = self.pool.acquire().await.map_err(DbError::from)?;
            if let Some(placed) = recall::<PlacedOrder>(&mut conn, sent).await? {
                return Ok(Done::created(placed));
            }
        }
        let placing = Placing {
            id: Uuid::new_v4(),
            at: Utc::now(),
            owner: ctx
                .get::<Caller>()
                .and_then(Caller::customer)
                .map(|customer| customer.username.clone()),
            command,
        };
        let captured = self.charge(&placing).await?;
        let begun = self.unit.begin(ctx).await;
        let outcome = match begun {
            Ok(begun) => {
                let stored = self
                    .store(ctx, &placing, captured.clone(), sent.as_ref())
                    .await;
                self.unit.end(begun, ctx, "PlaceOrder", stored).await
            }
            Err(problem) => Err(problem),
        };
        if outcome.is_err()
            && let Some(captured) = &captured
        {
            self.payments.refund_unplaced(captured).await;
        }
        outcome
    }
}

impl PlaceOrderHandler {
    /// Charges a card order's total, once it is known the order can be made; nothing for
    /// cash. Holds no transaction.
    async fn charge(&self, placing: &Placing) -> Result<Option<PaymentCaptured>, Problem> {
        let Some(card) = &placing.command.card else {
            return Ok(None);
        };
        let mut conn = self.pool.acquire().await.map_err(DbError::from)?;
        let order = self.price(&mut conn, placing).await?;
        check_stock(&mut conn, &self.recipes, &order.lines).await?;
        // An order the kitchen cannot take in time is refused before any charge.
        let cook_minutes = i64::from(order.cook_minutes);
        ready_time(&mut conn, self.kitchen, cook_minutes, order.created_at).await?;
        drop(conn);
        let payment = ProcessPayment {
            order_id: order.id,
            amount: order.total_amount,
            card: card.clone(),
        };
        Ok(Some(self.payments.charge(payment).await?))
    }

    /// Stores the order, its payment and their events in the command's transaction. The
    /// rows no one else writes come first; the stock (which takes the append lock on
    /// PostgreSQL) and the events last, so the lock is held for as little as can be.
    async fn store(
        &self,
        ctx: &mut Context,
        placing: &Placing,
        captured: Option<PaymentCaptured>,
        sent: Option<&Remembered<'_>>,
    ) -> Outcome<PlacedOrder> {
        let tx = transaction(ctx)?;
        // Priced again in the transaction: the prices charged are the ones committed.
        let mut order = self.price(tx, placing).await?;
        let cook_minutes = i64::from(order.cook_minutes);
        order.estimated_ready_at =
            ready_time(tx, self.kitchen, cook_minutes, order.created_at).await?;
        if let Some(captured) = &captured
            && captured.amount != order.total_amount
        {
            return Err(Problem::conflict(
                "The price of your order changed while it was being placed, and your card \
                 was refunded. Please check the new total and place the order again.",
            ));
        }
        use_promo_of(tx, &order).await?;
        let placed = OrderPlaced::from(&order);
        insert_placed_order(tx, &placed).await?;
        if let Some(captured) = &captured {
            ProcessPaymentHandler::save(tx, captured).await?;
        }
        reserve_stock(ctx, &self.recipes, order.id, &order.lines).await?;
        if let Some(captured) = captured {
            record(ctx, 0, PaymentEvent::PaymentCaptured(captured)).await?;
        }
        let appended = record(ctx, 0, OrderEvent::OrderPlaced(placed)).await?;
        let answer = PlacedOrder {
            order_id: order.id,
            total_amount: order.total_amount,
            estimated_ready_time: order.estimated_ready_at,
            position: appended.position,
        };
        if let Some(sent) = sent {
            remember(transaction(ctx)?, sent, &answer).await?;
        }
        Ok(Done::created(answer))
    }

    /// The order priced from the menu and billed with the shop's charges and promo code
    /// as read through `conn`; 422 for what cannot be ordered or is over the limits.
    async fn price(&self, conn: &mut AnyConnection, placing: &Placing) -> Result<Order, Problem> {
        let command = &placing.command;
        let ordered = command
            .pizza_items
            .iter()
            .map(|item| item.pizza_id.as_str());
        let menu = load_pizzas(&mut *conn, ordered).await?;
        let mut order = Order::place(placing.id, command.clone(), &menu, placing.at)
            .map_err(Problem::validation)?;
        order.owner.clone_from(&placing.owner);
        let promo_code = command.promo_code.as_deref();
        order.bill(bill(conn, order.subtotal(), promo_code, order.created_at).await?);
        let pizzas = order
            .lines
            .iter()
            .map(|line| u64::from(line.quantity))
            .sum();
        self.limits
            .check(pizzas, order.total_amount)
            .map_err(Problem::validation)?;
        Ok(order)
    }
}

/// Counts a use of the order's promo code; 422 when it was used up meanwhile.
async fn use_promo_of(tx: &mut Tx, order: &Order) -> Result<(), Problem> {
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
