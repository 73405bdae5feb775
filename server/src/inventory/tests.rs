//! Stock through the server's mediator against a real database (SQLite, or PostgreSQL
//! when `TEST_DATABASE_URL` is set): placing reserves, a shortage refuses the whole order,
//! cancelling releases, cooking consumes, and racing placements never oversell.

use crate::inventory::seed::{OPENING_LOW_STOCK_AT, OPENING_STOCK};
use crate::testing::{TestApp, an_order, test_app};
use app::contracts::{
    CancelOrder, GetMenu, IdempotencyKey, ListInventory, ListRecipes, MenuItem, PaymentMethod,
    PlaceOrder, PlacedOrder, RecipeIngredient, SetStock, StartCooking,
};
use mediator::Problem;

/// `(on_hand, reserved)` of `ingredient`.
async fn stock_of(app: &TestApp, ingredient: &str) -> (i64, i64) {
    sqlx::query_as("SELECT on_hand, reserved FROM ingredients WHERE ingredient = $1")
        .bind(ingredient)
        .fetch_one(&app.pool)
        .await
        .expect("a stocked ingredient")
}

/// Sets what is on hand of `ingredient`.
async fn set_on_hand(app: &TestApp, ingredient: &str, on_hand: i64) {
    sqlx::query("UPDATE ingredients SET on_hand = $1 WHERE ingredient = $2")
        .bind(on_hand)
        .bind(ingredient)
        .execute(&app.pool)
        .await
        .expect("stock set");
}

/// `quantity` medium margheritas, paid cash.
fn margheritas(quantity: u32) -> PlaceOrder {
    PlaceOrder {
        payment_method: PaymentMethod::Cash,
        card: None,
        ..an_order("555 010 0300", &[("margherita", quantity)])
    }
}

async fn place(app: &TestApp, order: PlaceOrder) -> Result<PlacedOrder, Problem> {
    app.mediator.send(order).await.map(|done| done.value)
}

#[tokio::test]
async fn the_opening_stock_has_every_ingredient_and_recipes_per_size() {
    let app = test_app().await;
    assert_eq!(stock_of(&app, "mozzarella").await, (OPENING_STOCK, 0));
    // An extra topping is an ingredient too.
    assert_eq!(stock_of(&app, "jalapeños").await, (OPENING_STOCK, 0));
    let (low,): (i64,) =
        sqlx::query_as("SELECT low_stock_at FROM ingredients WHERE ingredient = 'dough'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(low, OPENING_LOW_STOCK_AT);
    let doughs: Vec<(String, i64)> = sqlx::query_as(
        "SELECT size, quantity FROM recipes WHERE pizza_id = 'margherita' \
         AND ingredient = 'dough' ORDER BY quantity",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let expected = [("small", 200), ("medium", 250), ("large", 325)];
    assert_eq!(doughs, expected.map(|(size, qty)| (size.to_owned(), qty)));
}

#[tokio::test]
async fn placing_holds_the_recipe_times_the_quantity_and_cooking_uses_it_up() {
    let app = test_app().await;
    let placed = place(&app, margheritas(2)).await.expect("placed");
    assert_eq!(stock_of(&app, "dough").await, (OPENING_STOCK, 500));
    assert_eq!(stock_of(&app, "basil").await, (OPENING_STOCK, 6));
    let order_id = placed.order_id;
    app.mediator
        .send(StartCooking {
            order_id,
            minutes: None,
        })
        .await
        .unwrap();
    assert_eq!(stock_of(&app, "dough").await, (OPENING_STOCK - 500, 0));
    assert_eq!(stock_of(&app, "mozzarella").await, (OPENING_STOCK - 240, 0));
}

#[tokio::test]
async fn cancelling_frees_what_the_order_held() {
    let app = test_app().await;
    let placed = place(&app, margheritas(3)).await.expect("placed");
    assert_eq!(stock_of(&app, "mozzarella").await.1, 360);
    let cancel = CancelOrder {
        order_id: placed.order_id,
        reason: "Changed my mind".into(),
    };
    app.mediator.send(cancel).await.expect("cancelled");
    assert_eq!(stock_of(&app, "mozzarella").await, (OPENING_STOCK, 0));
}

#[tokio::test]
async fn a_shortage_refuses_the_order_naming_pizza_and_ingredient_and_holds_nothing() {
    let app = test_app().await;
    set_on_hand(&app, "mozzarella", 200).await;
    let paid = PlaceOrder {
        card: Some(crate::testing::test_card(crate::testing::APPROVED_CARD)),
        payment_method: PaymentMethod::Card,
        ..margheritas(2)
    };
    let problem = place(&app, paid).await.unwrap_err();
    assert_eq!(problem.code(), 409);
    assert!(
        problem.detail.contains("mozzarella") && problem.detail.contains("Margherita"),
        "{}",
        problem.detail
    );
    // Dough comes before mozzarella and was held, then rolled back with the rest.
    assert_eq!(stock_of(&app, "dough").await, (OPENING_STOCK, 0));
    let (orders, payments): (i64, i64) =
        sqlx::query_as("SELECT (SELECT COUNT(*) FROM orders), (SELECT COUNT(*) FROM payments)")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!((orders, payments), (0, 0), "no order, no charge");
    place(&app, margheritas(1)).await.expect("one still fits");
}

#[tokio::test]
async fn racing_placements_never_oversell_the_last_pizzas() {
    let app = test_app().await;
    // Mozzarella for exactly three medium margheritas.
    set_on_hand(&app, "mozzarella", 360).await;
    let orders = (0..8).map(|_| place(&app, margheritas(1)));
    let results = futures_util::future::join_all(orders).await;
    let placed = results.iter().filter(|result| result.is_ok()).count();
    assert_eq!(placed, 3, "{results:?}");
    for result in results.iter().filter_map(|result| result.as_ref().err()) {
        assert_eq!(result.code(), 409);
    }
    assert_eq!(stock_of(&app, "mozzarella").await, (360, 360));
}

/// The menu as customers ask for it, `include_unavailable` or not.
async fn menu(app: &TestApp, include_unavailable: bool) -> Vec<MenuItem> {
    let query = GetMenu {
        include_unavailable,
        ..GetMenu::default()
    };
    app.mediator.send(query).await.expect("the menu").value
}

fn count(ingredient: &str, on_hand: i64) -> SetStock {
    SetStock {
        ingredient: ingredient.into(),
        on_hand,
        low_stock_at: None,
    }
}

#[tokio::test]
async fn a_count_of_zero_sells_out_every_pizza_that_needs_it_at_once_and_a_restock_brings_them_back()
 {
    let app = test_app().await;
    let level = app.mediator.send(count("Basil", 0)).await.unwrap().value;
    assert_eq!(
        (level.on_hand, level.available, level.unit.as_str()),
        (0, 0, "g")
    );
    assert!(level.is_low());
    // Read right after the command: the menu already follows.
    let shown: Vec<String> = menu(&app, false).await.into_iter().map(|p| p.id).collect();
    assert!(!shown.contains(&"margherita".to_owned()), "{shown:?}");
    assert!(shown.contains(&"pepperoni".to_owned()));
    let all = menu(&app, true).await;
    let margherita = all.iter().find(|p| p.id == "margherita").unwrap();
    assert_eq!((margherita.available, margherita.sold_out), (false, true));
    let ordered = place(&app, margheritas(1)).await.unwrap_err();
    assert_eq!(ordered.code(), 409);

    app.mediator.send(count("basil", 500)).await.unwrap();
    let back = menu(&app, false).await;
    assert!(
        back.iter()
            .any(|p| p.id == "margherita" && p.available && !p.sold_out)
    );
    let levels = app.mediator.send(ListInventory).await.unwrap().value;
    let basil = levels.iter().find(|l| l.ingredient == "basil").unwrap();
    assert_eq!(
        (basil.on_hand, basil.reserved, basil.available),
        (500, 0, 500)
    );
}

#[tokio::test]
async fn the_last_pizzas_placed_sell_it_out_and_a_cancel_brings_it_back() {
    let app = test_app().await;
    // Basil for two small margheritas (3 g each, rounded up from 2.4).
    app.mediator.send(count("basil", 6)).await.unwrap();
    let small = |quantity| PlaceOrder {
        pizza_items: vec![app::contracts::OrderLineRequest {
            size: app::contracts::PizzaSize::Small,
            ..margheritas(quantity).pizza_items[0].clone()
        }],
        ..margheritas(quantity)
    };
    let placed = place(&app, small(2)).await.expect("the last two");
    assert!(menu(&app, false).await.iter().all(|p| p.id != "margherita"));
    let cancel = CancelOrder {
        order_id: placed.order_id,
        reason: "Changed my mind".into(),
    };
    app.mediator.send(cancel).await.unwrap();
    assert!(menu(&app, false).await.iter().any(|p| p.id == "margherita"));
}

#[tokio::test]
async fn an_order_that_leaves_too_little_for_another_pizza_sells_that_one_out() {
    let app = test_app().await;
    // A small funghi takes 64 g of mushrooms, a small capricciosa 32 g.
    app.mediator.send(count("mushrooms", 100)).await.unwrap();
    let capricciosa = PlaceOrder {
        payment_method: PaymentMethod::Cash,
        card: None,
        ..an_order("555 010 0301", &[("capricciosa", 1)])
    };
    place(&app, capricciosa).await.expect("40 g of 100");
    let on_menu: Vec<String> = menu(&app, false).await.into_iter().map(|p| p.id).collect();
    assert!(
        !on_menu.contains(&"funghi".to_owned()),
        "60 g left: {on_menu:?}"
    );
    assert!(on_menu.contains(&"capricciosa".to_owned()), "{on_menu:?}");
}

#[tokio::test]
async fn every_kind_of_stock_change_at_once_finishes_and_the_counts_add_up() {
    let app = test_app().await;
    let mut earlier = Vec::new();
    for _ in 0..4 {
        earlier.push(place(&app, margheritas(1)).await.expect("placed").order_id);
    }
    let app = &app;
    // Keyed placements take the append lock before stock; cooking and cancelling change
    // stock too; a count as well. On PostgreSQL a command that held an ingredient row
    // while waiting for the append lock could deadlock with one of these.
    let keyed = (0..6).map(|i| {
        let key = IdempotencyKey::parse(&format!("stock-race-key-{i:04}")).unwrap();
        let ctx = mediator::Context::new().with(key);
        async move { app.mediator.send_in(ctx, margheritas(1)).await.map(|_| ()) }
    });
    let cooks = earlier[..2].iter().map(|&order_id| async move {
        app.mediator
            .send(StartCooking {
                order_id,
                minutes: None,
            })
            .await
            .map(|_| ())
    });
    let cancels = earlier[2..].iter().map(|&order_id| async move {
        let reason = "Changed my mind".into();
        app.mediator
            .send(CancelOrder { order_id, reason })
            .await
            .map(|_| ())
    });
    let mut all: Vec<futures_util::future::BoxFuture<'_, Result<(), Problem>>> = Vec::new();
    all.extend(keyed.map(|f| Box::pin(f) as _));
    all.extend(cooks.map(|f| Box::pin(f) as _));
    all.extend(cancels.map(|f| Box::pin(f) as _));
    all.push(Box::pin(async {
        app.mediator.send(count("basil", 1_000)).await.map(|_| ())
    }));
    for result in futures_util::future::join_all(all).await {
        result.expect("every stock change goes through");
    }
    // Two cooked and six placed since hold or used 8 margheritas' mozzarella.
    let (on_hand, reserved) = stock_of(app, "mozzarella").await;
    assert_eq!((OPENING_STOCK - on_hand, reserved), (240, 720));
}

#[tokio::test]
async fn a_count_is_refused_for_an_unknown_ingredient_or_out_of_range() {
    let app = test_app().await;
    let unknown = app.mediator.send(count("unobtainium", 5)).await;
    assert_eq!(unknown.unwrap_err().code(), 404);
    let negative = app.mediator.send(count("basil", -1)).await.unwrap_err();
    assert_eq!(negative.code(), 422);
    assert_eq!(negative.errors[0].field, "on_hand");
}

#[tokio::test]
async fn recipes_are_listed_by_pizza_then_size() {
    let app = test_app().await;
    let recipes = app.mediator.send(ListRecipes).await.unwrap().value;
    let margherita: Vec<_> = recipes
        .iter()
        .filter(|recipe| recipe.pizza_id == "margherita")
        .collect();
    let sizes: Vec<_> = margherita.iter().map(|recipe| recipe.size).collect();
    assert_eq!(sizes, app::contracts::PizzaSize::ALL);
    let medium = &margherita[1].ingredients;
    assert!(medium.contains(&RecipeIngredient {
        ingredient: "dough".into(),
        quantity: 250
    }));
}
