//! Menu commands as `GetMenu` shows them: at once, although `GetMenu` is cached and reads
//! a view the projector updates after the command commits (see `MenuViewCaughtUp`).

use super::support::ask;
use crate::testing::test_app;
use app::contracts::{AddPizza, GetMenu, RemovePizza, UpdatePizza};
use rust_decimal::Decimal;

fn price_of(menu: &[app::contracts::MenuItem], id: &str) -> Option<String> {
    let pizza = menu.iter().find(|pizza| pizza.id == id)?;
    Some(pizza.base_price.to_string())
}

#[tokio::test]
async fn a_menu_change_is_on_the_cached_menu_as_soon_as_its_command_answers() {
    let app = test_app().await;
    for cents in [1101, 1102, 1103] {
        // Fill the cache with the menu as it is.
        ask(&app, GetMenu::default()).await;
        let change = UpdatePizza {
            base_price: Some(Decimal::new(cents, 2)),
            ..UpdatePizza::of("margherita")
        };
        app.mediator.send(change).await.expect("updated");
        // No `min_position`: the next read, cached or not, already has the change.
        let menu = ask(&app, GetMenu::default()).await;
        let expected = Decimal::new(cents, 2).to_string();
        assert_eq!(price_of(&menu, "margherita"), Some(expected));
    }

    let remove = RemovePizza {
        pizza_id: "marinara".into(),
    };
    app.mediator.send(remove).await.expect("removed");
    assert_eq!(
        price_of(&ask(&app, GetMenu::default()).await, "marinara"),
        None
    );

    let add = AddPizza {
        id: "calzone".into(),
        name: "Calzone".into(),
        description: String::new(),
        base_price: Decimal::new(1350, 2),
        category: "Specialty".into(),
        available_toppings: Vec::new(),
        preparation_time_minutes: 15,
        is_seasonal: false,
    };
    app.mediator.send(add).await.expect("added");
    let specialty = GetMenu {
        category: Some("specialty".into()),
        ..GetMenu::default()
    };
    let menu = ask(&app, specialty).await;
    assert_eq!(price_of(&menu, "calzone"), Some("13.50".into()));
}
