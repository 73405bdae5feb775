//! Placing orders as customers do: random but valid orders from the menu the server
//! serves, sent as the `PlaceOrder` contract to `POST /api/orders`.

use super::rng::Rng;
use super::server::Running;
use app::contracts::{
    CardDetails, MenuItem, OrderLineRequest, PaymentMethod, PizzaSize, PlaceOrder, PlacedOrder,
};
use std::time::Instant;
use uuid::Uuid;

/// What customers can order.
pub struct Customers {
    menu: Vec<MenuItem>,
}

/// One order the server accepted, and when.
#[derive(Debug, Clone, Copy)]
pub struct Placed {
    pub order_id: Uuid,
    /// Position of its `OrderPlaced` event.
    pub position: i64,
    /// When the request left.
    pub sent: Instant,
    /// When the whole 201 was in: the write had committed.
    pub answered: Instant,
}

impl Customers {
    /// Reads the menu from `GET /api/menu`.
    pub async fn from_menu(server: &Running) -> anyhow::Result<Self> {
        let menu: Vec<MenuItem> = server.get_json("/api/menu").await?;
        anyhow::ensure!(!menu.is_empty(), "the menu is empty");
        Ok(Self { menu })
    }

    /// A random order: one to three lines, a few extra toppings, one of a thousand
    /// customers.
    pub fn order(&self, rng: &mut Rng) -> PlaceOrder {
        let lines = 1 + rng.pick(&[60, 30, 10]);
        let customer = rng.below(1000);
        let payment_method = [PaymentMethod::Card, PaymentMethod::Cash][rng.below(2)];
        PlaceOrder {
            customer_name: format!("Customer {customer}"),
            customer_phone: format!("+39 06 555 {customer:04}"),
            customer_address: format!("Via Roma {}, Napoli", customer % 150 + 1),
            payment_method,
            pizza_items: (0..lines).map(|_| self.line(rng)).collect(),
            promo_code: None,
            card: (payment_method == PaymentMethod::Card).then(|| CardDetails {
                number: "4242 4242 4242 4242".into(),
                exp_month: 12,
                exp_year: 2030,
                cvc: "123".into(),
            }),
        }
    }

    fn line(&self, rng: &mut Rng) -> OrderLineRequest {
        let pizza = &self.menu[rng.below(self.menu.len())];
        let toppings = rng.pick(&[60, 30, 10]).min(pizza.available_toppings.len());
        OrderLineRequest {
            pizza_id: pizza.id.clone(),
            size: PizzaSize::ALL[rng.pick(&[20, 50, 30])],
            toppings: pizza.available_toppings[..toppings].to_vec(),
            quantity: [1, 2, 3][rng.pick(&[80, 15, 5])],
            special_instructions: None,
        }
    }
}

/// Sends `order`; `None` when the server did not answer 201.
pub async fn place(server: &Running, order: &PlaceOrder) -> anyhow::Result<Option<Placed>> {
    let sent = Instant::now();
    let response = server
        .client
        .post(format!("{}/api/orders", server.base))
        .json(order)
        .send()
        .await?;
    if response.status() != 201 {
        return Ok(None);
    }
    let placed: PlacedOrder = response.json().await?;
    Ok(Some(Placed {
        order_id: placed.order_id,
        position: placed.position,
        sent,
        answered: Instant::now(),
    }))
}
