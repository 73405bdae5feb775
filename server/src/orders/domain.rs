//! Pure order rules: turning what the customer asked for into a priced order, using
//! only the server's menu. No database here, so every rule is tested directly.

use crate::menu::PizzaState;
use app::contracts::{
    OrderLine, OrderLineRequest, OrderStatus, PlaceOrder, TotalBreakdown, line_price, unit_price,
};
use chrono::{DateTime, Duration, SubsecRound, Utc};
use mediator::FieldError;
use rust_decimal::Decimal;
use uuid::Uuid;

/// Extra minutes per pizza beyond the first: the oven holds several, but not for free.
const MINUTES_PER_EXTRA_PIZZA: i64 = 2;

/// An order that passed every rule, priced by the server, ready to be stored.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Order {
    pub id: Uuid,
    pub status: OrderStatus,
    pub command: PlaceOrder,
    /// The customer account placing it; `None` for a guest.
    pub owner: Option<String>,
    pub lines: Vec<OrderLine>,
    /// What is charged: `breakdown.total`.
    pub total_amount: Decimal,
    /// The bill: the pizzas, then the shop's charges (see [`Order::bill`]).
    pub breakdown: TotalBreakdown,
    /// Quantity × preparation minutes, summed over lines: the kitchen's work.
    pub total_prep_minutes: u32,
    /// How long it takes in the oven: its longest pizza, and a little for each more.
    pub cook_minutes: u32,
    pub created_at: DateTime<Utc>,
    /// When it is ready if the kitchen starts it at once; placing moves it back by the
    /// queue ahead (`kitchen::Workload`).
    pub estimated_ready_at: DateTime<Utc>,
}

impl Order {
    /// Prices `command` against `menu`. Fails with one error per line that names an
    /// unknown or unavailable pizza or a topping that pizza does not offer.
    pub fn place(
        id: Uuid,
        command: PlaceOrder,
        menu: &[PizzaState],
        now: DateTime<Utc>,
    ) -> Result<Self, Vec<FieldError>> {
        // Stored times keep microseconds; truncating here makes what we answer now equal
        // to what we read back later.
        let now = now.trunc_subsecs(6);
        let mut errors = Vec::new();
        let mut lines = Vec::with_capacity(command.pizza_items.len());
        let mut longest_prep = 0;
        let mut total_prep_minutes = 0;
        for (index, item) in command.pizza_items.iter().enumerate() {
            match price_line(index, item, menu) {
                Ok((line, minutes)) => {
                    longest_prep = longest_prep.max(minutes);
                    total_prep_minutes += minutes * line.quantity;
                    lines.push(line);
                }
                Err(error) => errors.push(error),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let total_amount: Decimal = lines.iter().map(|line| line.line_price).sum();
        let pizzas: i64 = lines.iter().map(|line| i64::from(line.quantity)).sum();
        let minutes = i64::from(longest_prep) + MINUTES_PER_EXTRA_PIZZA * (pizzas - 1).max(0);
        let cook_minutes = u32::try_from(minutes).unwrap_or(u32::MAX);
        Ok(Order {
            id,
            status: OrderStatus::Pending,
            command,
            owner: None,
            lines,
            total_amount,
            breakdown: TotalBreakdown::pizzas_only(total_amount),
            total_prep_minutes,
            cook_minutes,
            created_at: now,
            estimated_ready_at: now + Duration::minutes(minutes),
        })
    }
}

impl Order {
    /// What the pizzas cost, before the shop's charges.
    pub fn subtotal(&self) -> Decimal {
        self.breakdown.subtotal
    }

    /// Charges the order `breakdown` (from `pricing::bill` on [`Order::subtotal`]).
    pub fn bill(&mut self, breakdown: TotalBreakdown) {
        self.total_amount = breakdown.total;
        self.breakdown = breakdown;
    }
}

/// What the pizzas of `items` cost on `menu`, or one error per line `Order::place` would
/// refuse: the subtotal a quote starts from.
pub(crate) fn subtotal_of(
    items: &[OrderLineRequest],
    menu: &[PizzaState],
) -> Result<Decimal, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut subtotal = Decimal::ZERO;
    for (index, item) in items.iter().enumerate() {
        match price_line(index, item, menu) {
            Ok((line, _)) => subtotal += line.line_price,
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        Ok(subtotal)
    } else {
        Err(errors)
    }
}

fn price_line(
    index: usize,
    item: &OrderLineRequest,
    menu: &[PizzaState],
) -> Result<(OrderLine, u32), FieldError> {
    let field = |name: &str| format!("pizza_items[{index}].{name}");
    let pizza = menu
        .iter()
        .find(|pizza| pizza.pizza_id == item.pizza_id)
        .ok_or_else(|| {
            FieldError::new(
                field("pizza_id"),
                format!("There is no pizza {:?} on the menu.", item.pizza_id),
            )
        })?;
    if !pizza.available {
        let message = format!("{} is not available right now.", pizza.name);
        return Err(FieldError::new(field("pizza_id"), message));
    }
    if let Some(unknown) = item.toppings.iter().find(|t| !pizza.toppings.contains(t)) {
        let message = format!("{} cannot have the topping {unknown:?}.", pizza.name);
        return Err(FieldError::new(field("toppings"), message));
    }
    let toppings = item.toppings.len();
    let line = OrderLine {
        pizza_id: pizza.pizza_id.clone(),
        pizza_name: pizza.name.clone(),
        size: item.size,
        toppings: item.toppings.clone(),
        quantity: item.quantity,
        special_instructions: item
            .special_instructions
            .as_deref()
            .map(str::trim)
            .filter(|text| !text.is_empty())
            .map(str::to_owned),
        unit_price: unit_price(pizza.base_price, item.size, toppings),
        line_price: line_price(pizza.base_price, item.size, toppings, item.quantity),
    };
    Ok((line, pizza.preparation_minutes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::contracts::{PaymentMethod, PizzaSize};
    use std::str::FromStr;

    fn pizza(id: &str, price: &str, minutes: u32) -> PizzaState {
        PizzaState {
            pizza_id: id.into(),
            name: id.to_uppercase(),
            description: String::new(),
            base_price: Decimal::from_str(price).unwrap(),
            category: "Classic".into(),
            toppings: vec!["basil".into(), "olives".into()],
            preparation_minutes: minutes,
            available: true,
            sort_order: 0,
            seasonal: false,
        }
    }

    fn line(pizza_id: &str, size: PizzaSize, toppings: &[&str], quantity: u32) -> OrderLineRequest {
        OrderLineRequest {
            pizza_id: pizza_id.into(),
            size,
            toppings: toppings.iter().map(|t| t.to_string()).collect(),
            quantity,
            special_instructions: Some("  ".into()),
        }
    }

    fn command(items: Vec<OrderLineRequest>) -> PlaceOrder {
        PlaceOrder {
            customer_name: "Ann".into(),
            customer_phone: "5551234".into(),
            customer_address: "1 Main St".into(),
            payment_method: PaymentMethod::Cash,
            pizza_items: items,
            promo_code: None,
            card: None,
        }
    }

    fn menu() -> Vec<PizzaState> {
        vec![
            pizza("margherita", "10.99", 12),
            pizza("pepperoni", "12.99", 14),
        ]
    }

    #[test]
    fn a_new_order_is_pending_and_priced_from_the_menu() {
        let now = Utc::now().trunc_subsecs(6);
        let items = vec![
            line("margherita", PizzaSize::Medium, &[], 1),
            line("pepperoni", PizzaSize::Large, &["basil"], 2),
        ];
        let order = Order::place(Uuid::new_v4(), command(items), &menu(), now).unwrap();
        assert_eq!(order.status, OrderStatus::Pending);
        assert_eq!(order.lines[1].unit_price.to_string(), "18.39");
        assert_eq!(order.lines[1].line_price.to_string(), "36.78");
        assert_eq!(order.total_amount.to_string(), "47.77");
        assert_eq!(order.lines[0].special_instructions, None);
        // longest preparation (14) + 2 minutes for each of the 2 extra pizzas
        assert_eq!(order.estimated_ready_at - now, Duration::minutes(18));
    }

    #[test]
    fn unknown_pizzas_and_toppings_are_named_per_line() {
        let items = vec![
            line("calzone", PizzaSize::Small, &[], 1),
            line("margherita", PizzaSize::Small, &["pineapple"], 1),
        ];
        let errors = Order::place(Uuid::new_v4(), command(items), &menu(), Utc::now()).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["pizza_items[0].pizza_id", "pizza_items[1].toppings"]
        );
    }

    #[test]
    fn unavailable_pizzas_cannot_be_ordered() {
        let mut menu = menu();
        menu[0].available = false;
        let items = vec![line("margherita", PizzaSize::Small, &[], 1)];
        let errors = Order::place(Uuid::new_v4(), command(items), &menu, Utc::now()).unwrap_err();
        assert!(errors[0].message.contains("not available"), "{errors:?}");
    }
}
