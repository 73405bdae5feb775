//! The opening menu, written once into an empty `pizzas` table at start, each pizza with
//! its `PizzaAdded` event. Later changes to the menu (by staff) are never overwritten: a
//! non-empty menu is left alone.

use crate::db::{DbError, Tx, decimal};
use crate::events::{append, now};
use crate::menu::store::{insert_pizza, mark_recorded, unrecorded_pizzas};
use crate::menu::{MenuEvent, PizzaAdded, PizzaState};
use mediator::Problem;
use sqlx::AnyPool;

struct SeedPizza {
    id: &'static str,
    name: &'static str,
    description: &'static str,
    base_price: &'static str,
    category: &'static str,
    toppings: &'static [&'static str],
    minutes: u32,
}

const MENU: &[SeedPizza] = &[
    SeedPizza {
        id: "margherita",
        name: "Margherita",
        description: "San Marzano tomato, fior di latte mozzarella, fresh basil and olive oil.",
        base_price: "10.99",
        category: "Classic",
        toppings: &[
            "extra mozzarella",
            "basil",
            "black olives",
            "mushrooms",
            "garlic",
        ],
        minutes: 12,
    },
    SeedPizza {
        id: "pepperoni",
        name: "Pepperoni",
        description: "Tomato, mozzarella and a generous layer of crispy pepperoni.",
        base_price: "12.99",
        category: "Classic",
        toppings: &[
            "extra pepperoni",
            "mushrooms",
            "jalapeños",
            "red onion",
            "extra mozzarella",
        ],
        minutes: 14,
    },
    SeedPizza {
        id: "marinara",
        name: "Marinara",
        description: "The Neapolitan original: tomato, garlic, oregano, no cheese.",
        base_price: "9.49",
        category: "Classic",
        toppings: &["anchovies", "black olives", "capers", "chili flakes"],
        minutes: 10,
    },
    SeedPizza {
        id: "hawaiian",
        name: "Hawaiian",
        description: "Tomato, mozzarella, cooked ham and roasted pineapple.",
        base_price: "12.49",
        category: "Classic",
        toppings: &["extra ham", "jalapeños", "red onion", "extra mozzarella"],
        minutes: 13,
    },
    SeedPizza {
        id: "diavola",
        name: "Diavola",
        description: "Tomato, mozzarella, spicy salami, chili and a drizzle of hot honey.",
        base_price: "13.99",
        category: "Specialty",
        toppings: &["nduja", "jalapeños", "red onion", "black olives"],
        minutes: 14,
    },
    SeedPizza {
        id: "quattro-formaggi",
        name: "Quattro Formaggi",
        description: "Mozzarella, gorgonzola, fontina and parmigiano on a white base.",
        base_price: "14.49",
        category: "Specialty",
        toppings: &["walnuts", "honey", "rocket", "pears"],
        minutes: 14,
    },
    SeedPizza {
        id: "capricciosa",
        name: "Capricciosa",
        description: "Tomato, mozzarella, ham, mushrooms, artichokes and olives.",
        base_price: "14.99",
        category: "Specialty",
        toppings: &["extra ham", "egg", "anchovies", "extra mozzarella"],
        minutes: 16,
    },
    SeedPizza {
        id: "funghi",
        name: "Funghi",
        description: "Tomato, mozzarella and a mix of roasted mushrooms with thyme.",
        base_price: "11.99",
        category: "Vegetarian",
        toppings: &["porcini", "truffle oil", "garlic", "rocket"],
        minutes: 13,
    },
    SeedPizza {
        id: "ortolana",
        name: "Ortolana",
        description: "Grilled courgette, aubergine and peppers on tomato and mozzarella.",
        base_price: "13.49",
        category: "Vegetarian",
        toppings: &["goat cheese", "black olives", "red onion", "rocket"],
        minutes: 15,
    },
    SeedPizza {
        id: "pesto-burrata",
        name: "Pesto e Burrata",
        description: "Basil pesto, cherry tomatoes and a whole burrata added after baking.",
        base_price: "15.49",
        category: "Vegetarian",
        toppings: &["pine nuts", "sun-dried tomatoes", "rocket"],
        minutes: 12,
    },
];

/// Pizzas of the season, put on the menu after [`MENU`] with `seasonal` set.
const SEASONAL_MENU: &[SeedPizza] = &[SeedPizza {
    id: "zucca",
    name: "Zucca e Salsiccia",
    description: "Roast pumpkin cream, fennel sausage, smoked scamorza and crispy sage.",
    base_price: "14.99",
    category: "Specialty",
    toppings: &["chili flakes", "rocket", "walnuts"],
    minutes: 15,
}];

/// Writes the opening menu when no pizza is stored yet (a non-empty menu is left alone),
/// then records a `PizzaAdded` for every pizza whose stream holds no event: the seeded
/// ones, and those of menus written before the event store. One transaction, so the read
/// side, which builds the menu from events, never sees a pizza without its event.
pub(crate) async fn seed_menu(pool: &AnyPool) -> anyhow::Result<()> {
    let mut tx: Tx = pool.begin().await?.into();
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM pizzas")
        .fetch_one(&mut *tx)
        .await?;
    if count == 0 {
        let seasons = MENU.iter().map(|p| (p, false));
        let pizzas = seasons.chain(SEASONAL_MENU.iter().map(|p| (p, true)));
        for (order, (pizza, seasonal)) in pizzas.enumerate() {
            insert_pizza(&mut tx, &pizza.state(order as i64, seasonal)?, 0).await?;
        }
        let seeded = MENU.len() + SEASONAL_MENU.len();
        tracing::info!(pizzas = seeded, "seeded the menu");
    }
    record_unrecorded(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}

/// Appends the first event of every pizza stream that has none.
async fn record_unrecorded(tx: &mut Tx) -> Result<(), Problem> {
    // One correlation id for everything this seeding run records.
    let correlation = Some(uuid::Uuid::new_v4());
    for pizza in unrecorded_pizzas(tx).await? {
        let pizza_id = pizza.state.pizza_id.clone();
        let event = MenuEvent::PizzaAdded(PizzaAdded {
            pizza: pizza.state,
            at: now(),
        });
        append(tx, correlation, 0, std::slice::from_ref(&event)).await?;
        mark_recorded(tx, &pizza_id).await?;
    }
    Ok(())
}

impl SeedPizza {
    /// The pizza as the menu events describe it, available, at `sort_order`.
    fn state(&self, sort_order: i64, seasonal: bool) -> Result<PizzaState, DbError> {
        Ok(PizzaState {
            pizza_id: self.id.to_owned(),
            name: self.name.to_owned(),
            description: self.description.to_owned(),
            base_price: decimal("seed.base_price", self.base_price)?,
            category: self.category.to_owned(),
            toppings: self.toppings.iter().map(|t| t.to_string()).collect(),
            preparation_minutes: self.minutes,
            available: true,
            sort_order,
            seasonal,
        })
    }
}

#[cfg(test)]
mod tests {
    //! Seeding against a real database (SQLite, or PostgreSQL with `TEST_DATABASE_URL`):
    //! `test_database` has already seeded it once, as a server start does.
    use super::*;
    use crate::db::test_support::test_database;

    fn seeded_pizzas() -> i64 {
        (MENU.len() + SEASONAL_MENU.len()) as i64
    }

    async fn added_events(pool: &AnyPool) -> i64 {
        let (count,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM events WHERE event_type = 'PizzaAdded'")
                .fetch_one(pool)
                .await
                .unwrap();
        count
    }

    #[tokio::test]
    async fn each_seeded_pizza_is_recorded_once_even_when_seeding_runs_again() {
        let db = test_database().await;
        assert_eq!(added_events(&db.pool).await, seeded_pizzas());
        seed_menu(&db.pool).await.unwrap();
        assert_eq!(added_events(&db.pool).await, seeded_pizzas());
        let (unrecorded,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM pizzas WHERE version <> 1")
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert_eq!(unrecorded, 0);
    }

    #[tokio::test]
    async fn a_pizza_stored_before_the_event_store_gets_its_first_event() {
        let db = test_database().await;
        sqlx::query(
            "INSERT INTO pizzas (id, name, description, base_price, category, toppings, \
             preparation_minutes, sort_order) \
             VALUES ('bianca', 'Bianca', '', '9.00', 'Classic', '[]', 10, 99)",
        )
        .execute(&db.pool)
        .await
        .unwrap();
        seed_menu(&db.pool).await.unwrap();
        let (event_type, version): (String, i64) = sqlx::query_as(
            "SELECT event_type, stream_version FROM events WHERE stream_id = 'pizza-bianca'",
        )
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!((event_type.as_str(), version), ("PizzaAdded", 1));
        let (row_version,): (i64,) =
            sqlx::query_as("SELECT version FROM pizzas WHERE id = 'bianca'")
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert_eq!(row_version, 1);
    }
}
