//! The opening menu, written once into an empty `pizzas` table at start.
//! Later changes to the menu (by staff) are never overwritten: a non-empty menu is left alone.

use sqlx::AnyPool;

struct SeedPizza {
    id: &'static str,
    name: &'static str,
    description: &'static str,
    base_price: &'static str,
    category: &'static str,
    toppings: &'static [&'static str],
    minutes: i64,
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

/// Writes the opening menu when no pizza is stored yet; does nothing otherwise.
pub(crate) async fn seed_menu(pool: &AnyPool) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM pizzas")
        .fetch_one(&mut *tx)
        .await?;
    if count > 0 {
        return Ok(());
    }
    for (order, pizza) in MENU.iter().enumerate() {
        let toppings = serde_json::to_string(pizza.toppings).unwrap_or_else(|_| "[]".into());
        sqlx::query(
            "INSERT INTO pizzas (id, name, description, base_price, category, toppings, \
             preparation_minutes, available, sort_order) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(pizza.id)
        .bind(pizza.name)
        .bind(pizza.description)
        .bind(pizza.base_price)
        .bind(pizza.category)
        .bind(toppings)
        .bind(pizza.minutes)
        .bind(1_i64)
        .bind(order as i64)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    tracing::info!(pizzas = MENU.len(), "seeded the menu");
    Ok(())
}
