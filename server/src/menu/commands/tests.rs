//! The menu commands through the server's mediator, against a real database (SQLite, or
//! PostgreSQL when `TEST_DATABASE_URL` is set): the rows and events they write, what they
//! refuse, and what customers see afterwards (the menu query, its cache, ordering).

use crate::menu::pizza_stream;
use crate::testing::{TestApp, test_app};
use app::contracts::{
    AddPizza, GetMenu, MenuChanged, MenuItem, OrderLineRequest, PaymentMethod, PizzaSize,
    PlaceOrder, RemovePizza, UpdatePizza,
};
use rust_decimal::Decimal;

fn calzone() -> AddPizza {
    AddPizza {
        id: "calzone".into(),
        name: " Calzone ".into(),
        description: "Folded, filled with ricotta and salami.".into(),
        base_price: Decimal::new(135, 1),
        category: "Specialty".into(),
        available_toppings: vec!["mushrooms".into(), " olives ".into()],
        preparation_time_minutes: 15,
        is_seasonal: false,
    }
}

fn update(pizza_id: &str) -> UpdatePizza {
    UpdatePizza::of(pizza_id)
}

/// The menu customers see once the read side has caught up with `change`.
async fn menu_after(app: &TestApp, change: &MenuChanged) -> Vec<MenuItem> {
    app.views.wait_for(Some(change.position)).await.unwrap();
    app.mediator.send(GetMenu::default()).await.unwrap().value
}

/// The pizza's row version, or `None` when it has no row.
async fn row_version(app: &TestApp, id: &str) -> Option<i64> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT version FROM pizzas WHERE id = $1")
        .bind(id)
        .fetch_optional(&app.pool)
        .await
        .unwrap();
    row.map(|(version,)| version)
}

#[tokio::test]
async fn an_added_pizza_comes_last_on_the_menu_and_is_recorded() {
    let app = test_app().await;
    let done = app.mediator.send(calzone()).await.expect("added");
    assert_eq!(
        (done.code(), done.value.pizza_id.as_str()),
        (201, "calzone")
    );
    let menu = menu_after(&app, &done.value).await;
    let last = menu.last().expect("the menu is not empty");
    assert_eq!(
        (last.id.as_str(), last.name.as_str()),
        ("calzone", "Calzone")
    );
    assert_eq!(last.base_price.to_string(), "13.50");
    assert_eq!(last.available_toppings, ["mushrooms", "olives"]);
    assert_eq!(app.events_of("pizza-calzone").await, ["PizzaAdded"]);
    assert_eq!(row_version(&app, "calzone").await, Some(1));
}

#[tokio::test]
async fn adding_an_id_already_on_the_menu_is_a_409_and_writes_nothing() {
    let app = test_app().await;
    let before = app.event_count().await;
    let taken = AddPizza {
        id: "margherita".into(),
        ..calzone()
    };
    let problem = app.mediator.send(taken).await.unwrap_err();
    assert_eq!(problem.code(), 409);
    assert!(problem.detail.contains("margherita"), "{}", problem.detail);
    assert_eq!(app.event_count().await, before);
}

#[tokio::test]
async fn an_update_changes_what_it_gives_and_records_the_whole_new_state() {
    let app = test_app().await;
    let change = UpdatePizza {
        base_price: Some(Decimal::new(125, 1)),
        available_toppings: Some(vec!["porcini".into()]),
        ..update("funghi")
    };
    let done = app.mediator.send(change).await.expect("updated");
    assert_eq!(done.code(), 200);
    let event = app.last_payload(&pizza_stream("funghi")).await;
    assert_eq!(event["pizza"]["base_price"], "12.50");
    assert_eq!(event["pizza"]["toppings"], serde_json::json!(["porcini"]));
    assert_eq!(event["pizza"]["name"], "Funghi");
    assert_eq!(event["pizza"]["available"], true);
    let description = "Tomato, mozzarella and a mix of roasted mushrooms with thyme.";
    assert_eq!(event["pizza"]["description"], description);
    assert_eq!(row_version(&app, "funghi").await, Some(2));
}

#[tokio::test]
async fn the_menu_shows_a_new_price_as_soon_as_it_is_changed() {
    let app = test_app().await;
    // Fills the menu cache, which the update's event must clear.
    let menu = app.mediator.send(GetMenu::default()).await.unwrap().value;
    assert_eq!(menu[0].base_price.to_string(), "10.99");
    let change = UpdatePizza {
        base_price: Some(Decimal::new(1199, 2)),
        ..update("margherita")
    };
    let done = app.mediator.send(change).await.unwrap();
    let menu = menu_after(&app, &done.value).await;
    assert_eq!(menu[0].id, "margherita");
    assert_eq!(menu[0].base_price.to_string(), "11.99");
}

#[tokio::test]
async fn a_pizza_made_unavailable_leaves_the_menu_and_cannot_be_ordered() {
    let app = test_app().await;
    let hide = UpdatePizza {
        available: Some(false),
        ..update("pepperoni")
    };
    let done = app.mediator.send(hide).await.unwrap();
    let menu = menu_after(&app, &done.value).await;
    assert!(menu.iter().all(|pizza| pizza.id != "pepperoni"));
    let order = PlaceOrder {
        customer_name: "Ada".into(),
        customer_phone: "+1 555 010 0200".into(),
        customer_address: "1 Main St".into(),
        payment_method: PaymentMethod::Cash,
        pizza_items: vec![OrderLineRequest {
            pizza_id: "pepperoni".into(),
            size: PizzaSize::Large,
            toppings: Vec::new(),
            quantity: 1,
            special_instructions: None,
        }],
        promo_code: None,
        card: None,
    };
    let problem = app.mediator.send(order).await.unwrap_err();
    assert_eq!(problem.code(), 422);
    assert_eq!(problem.errors[0].field, "pizza_items[0].pizza_id");
}

#[tokio::test]
async fn a_removed_pizza_leaves_the_menu_and_its_stream_records_why() {
    let app = test_app().await;
    let remove = RemovePizza {
        pizza_id: "marinara".into(),
    };
    let done = app.mediator.send(remove).await.expect("removed");
    assert_eq!(done.code(), 200);
    let menu = menu_after(&app, &done.value).await;
    assert!(menu.iter().all(|pizza| pizza.id != "marinara"));
    assert_eq!(row_version(&app, "marinara").await, None);
    let events = app.events_of("pizza-marinara").await;
    assert_eq!(events, ["PizzaAdded", "PizzaRemoved"]);
}

#[tokio::test]
async fn a_removed_pizza_can_be_added_again_continuing_its_stream() {
    let app = test_app().await;
    let remove = RemovePizza {
        pizza_id: "calzone".into(),
    };
    app.mediator.send(calzone()).await.unwrap();
    app.mediator.send(remove).await.unwrap();
    let done = app.mediator.send(calzone()).await.expect("added again");
    assert_eq!(done.code(), 201);
    let events = app.events_of("pizza-calzone").await;
    assert_eq!(events, ["PizzaAdded", "PizzaRemoved", "PizzaAdded"]);
    assert_eq!(row_version(&app, "calzone").await, Some(3));
}

#[tokio::test]
async fn updating_or_removing_an_unknown_pizza_is_a_404() {
    let app = test_app().await;
    let change = UpdatePizza {
        available: Some(true),
        ..update("hot-dog")
    };
    let problem = app.mediator.send(change).await.unwrap_err();
    assert_eq!(problem.code(), 404);
    let remove = RemovePizza {
        pizza_id: "hot-dog".into(),
    };
    let problem = app.mediator.send(remove).await.unwrap_err();
    assert_eq!(problem.code(), 404);
}

#[tokio::test]
async fn invalid_menu_commands_are_422s_that_change_nothing() {
    let app = test_app().await;
    let before = app.event_count().await;
    let free = AddPizza {
        base_price: Decimal::ZERO,
        ..calzone()
    };
    let problem = app.mediator.send(free).await.unwrap_err();
    assert_eq!(
        (problem.code(), problem.errors[0].field.as_str()),
        (422, "base_price")
    );
    let problem = app.mediator.send(update("funghi")).await.unwrap_err();
    assert_eq!(
        (problem.code(), problem.errors[0].field.as_str()),
        (422, ".")
    );
    assert_eq!(app.event_count().await, before);
    assert_eq!(row_version(&app, "calzone").await, None);
}

#[tokio::test]
async fn placing_reads_only_the_pizzas_an_order_names() {
    let app = test_app().await;
    let ids = ["pepperoni", "margherita", "pepperoni", "no-such-pizza"];
    let mut pizzas = crate::menu::load_pizzas(&app.pool, ids).await.unwrap();
    pizzas.sort_by(|a, b| a.pizza_id.cmp(&b.pizza_id));
    let found: Vec<&str> = pizzas.iter().map(|p| p.pizza_id.as_str()).collect();
    assert_eq!(found, ["margherita", "pepperoni"]);
    assert!(pizzas.iter().all(|p| p.base_price > Decimal::ZERO));
    let none = crate::menu::load_pizzas(&app.pool, []).await.unwrap();
    assert!(none.is_empty());
}

#[tokio::test]
async fn a_renamed_pizza_keeps_its_id_and_the_menu_shows_its_new_name() {
    let app = test_app().await;
    let rename = UpdatePizza {
        name: Some("  Funghi Porcini ".into()),
        ..update("funghi")
    };
    let done = app.mediator.send(rename).await.expect("renamed");
    let event = app.last_payload(&pizza_stream("funghi")).await;
    assert_eq!(event["pizza"]["name"], "Funghi Porcini");
    let menu = menu_after(&app, &done.value).await;
    let funghi = menu.iter().find(|pizza| pizza.id == "funghi").unwrap();
    assert_eq!(funghi.name, "Funghi Porcini");
    assert_eq!(funghi.base_price.to_string(), "11.99");
}

#[tokio::test]
async fn seasonal_pizzas_are_listed_unless_the_query_leaves_them_out() {
    let app = test_app().await;
    let seasonal = UpdatePizza {
        is_seasonal: Some(true),
        ..update("ortolana")
    };
    let done = app.mediator.send(seasonal).await.expect("updated");
    let added = AddPizza {
        is_seasonal: true,
        ..calzone()
    };
    app.mediator.send(added).await.expect("added");
    let everything = menu_after(&app, &done.value).await;
    let flagged: Vec<&str> = everything
        .iter()
        .filter(|pizza| pizza.is_seasonal)
        .map(|pizza| pizza.id.as_str())
        .collect();
    // The opening menu's own seasonal pizza, then the two marked here, in menu order.
    assert_eq!(flagged, ["ortolana", "zucca", "calzone"]);

    let year_round = GetMenu {
        include_seasonal: false,
        ..GetMenu::default()
    };
    let menu = app.mediator.send(year_round).await.unwrap().value;
    assert_eq!(menu.len(), everything.len() - 3);
    assert!(menu.iter().all(|pizza| !pizza.is_seasonal));
}

#[tokio::test]
async fn pizzas_taken_off_the_menu_are_listed_only_when_the_query_asks() {
    let app = test_app().await;
    let hide = UpdatePizza {
        available: Some(false),
        ..update("diavola")
    };
    let done = app.mediator.send(hide).await.unwrap();
    let menu = menu_after(&app, &done.value).await;
    assert!(menu.iter().all(|pizza| pizza.available));
    assert!(menu.iter().all(|pizza| pizza.id != "diavola"));

    let all = GetMenu {
        include_unavailable: true,
        category: Some("Specialty".into()),
        ..GetMenu::default()
    };
    let listed = app.mediator.send(all).await.unwrap().value;
    let diavola = listed.iter().find(|pizza| pizza.id == "diavola").unwrap();
    assert!(!diavola.available);
    assert_eq!(
        listed.iter().filter(|pizza| pizza.available).count(),
        listed.len() - 1
    );
}
