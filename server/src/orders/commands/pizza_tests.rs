//! `MarkPizzaReady` through the server's mediator, against a real database (SQLite, or
//! PostgreSQL when `TEST_DATABASE_URL` is set): the order is ready only once its last
//! line is, two chefs marking at once both succeed, each mark is named, and what the
//! kitchen board and the order page read of it.

use crate::orders::events::order_stream;
use crate::testing::{self, TestApp, test_app};
use app::contracts::{
    Caller, GetKitchenQueue, GetOrder, MarkPizzaReady, OrderStatus, OrderStatusChanged, StaffRole,
    StaffUser, StartCooking,
};
use mediator::Outcome;
use uuid::Uuid;

fn chef(username: &str) -> Caller {
    Caller::Staff(StaffUser {
        username: username.into(),
        role: StaffRole::Chef,
    })
}

/// An order of two lines (two margheritas, one pepperoni), cooking.
async fn cooking_order(app: &TestApp) -> Uuid {
    let pizzas = [("margherita", 2), ("pepperoni", 1)];
    let (order_id, _) = testing::place_order(app, "+1 555 010 0300", &pizzas).await;
    app.mediator
        .send(StartCooking {
            order_id,
            minutes: None,
        })
        .await
        .unwrap();
    order_id
}

async fn mark(app: &TestApp, by: &str, order_id: Uuid, line: u32) -> Outcome<OrderStatusChanged> {
    let command = MarkPizzaReady { order_id, line };
    app.mediator.send_as(chef(by), command).await
}

#[tokio::test]
async fn the_order_is_ready_only_when_its_last_line_is() {
    let app = test_app().await;
    let order_id = cooking_order(&app).await;
    let first = mark(&app, "bea", order_id, 1).await.unwrap();
    assert_eq!(first.code(), 200);
    assert_eq!(first.value.status, OrderStatus::Cooking);
    let second = mark(&app, "carlo", order_id, 0).await.unwrap();
    assert_eq!(second.value.status, OrderStatus::Ready);
    assert!(second.value.position > first.value.position);
    let events = app.events_of(&order_stream(order_id)).await;
    assert_eq!(
        events,
        [
            "OrderPlaced",
            "CookingStarted",
            "PizzaReady",
            "PizzaReady",
            "OrderReady"
        ]
    );
    let (status, version): (String, i64) =
        sqlx::query_as("SELECT status, version FROM orders WHERE id = $1")
            .bind(order_id.to_string())
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!((status.as_str(), version), ("ready", 5));
    let last = app.last_payload(&order_stream(order_id)).await;
    assert_eq!(last["by"], "carlo", "the last mark makes it ready: {last}");
}

#[tokio::test]
async fn a_line_is_marked_once_and_only_while_the_order_cooks() {
    let app = test_app().await;
    let (pending, _) = testing::place_order(&app, "+1 555 010 0301", &[("margherita", 1)]).await;
    let refused = mark(&app, "bea", pending, 0).await.unwrap_err();
    assert_eq!(refused.code(), 409);
    assert!(refused.detail.contains("pending"), "{}", refused.detail);

    let order_id = cooking_order(&app).await;
    mark(&app, "bea", order_id, 0).await.unwrap();
    let again = mark(&app, "carlo", order_id, 0).await.unwrap_err();
    assert_eq!(again.code(), 409);
    assert!(
        again.detail.contains("2 × Margherita (Medium)"),
        "{}",
        again.detail
    );
    let missing = mark(&app, "bea", order_id, 2).await.unwrap_err();
    assert_eq!(missing.code(), 404);
    assert!(missing.detail.contains("0 to 1"), "{}", missing.detail);
    let unknown = mark(&app, "bea", Uuid::from_u128(404), 0)
        .await
        .unwrap_err();
    assert_eq!(unknown.code(), 404);
    // Nothing refused was recorded.
    let events = app.events_of(&order_stream(order_id)).await;
    assert_eq!(events, ["OrderPlaced", "CookingStarted", "PizzaReady"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_chefs_marking_the_last_two_lines_at_once_both_succeed_and_one_makes_it_ready() {
    let app = test_app().await;
    for _ in 0..5 {
        let order_id = cooking_order(&app).await;
        let (a, b) = tokio::join!(
            mark(&app, "bea", order_id, 0),
            mark(&app, "carlo", order_id, 1)
        );
        let mut statuses = [a.unwrap().value.status, b.unwrap().value.status];
        statuses.sort_by_key(|status| status.as_str());
        assert_eq!(statuses, [OrderStatus::Cooking, OrderStatus::Ready]);
        let events = app.events_of(&order_stream(order_id)).await;
        let ready = events.iter().filter(|event| *event == "OrderReady").count();
        assert_eq!((events.len(), ready), (5, 1), "{events:?}");
    }
}

#[tokio::test]
async fn the_kitchen_board_and_the_order_page_show_each_line_out_of_the_oven_and_by_whom() {
    let app = test_app().await;
    let order_id = cooking_order(&app).await;
    let done = mark(&app, "bea", order_id, 1).await.unwrap();
    let min_position = Some(done.value.position);

    let queue = app.mediator.send(GetKitchenQueue { min_position }).await;
    let queue = queue.unwrap().value;
    let ticket = queue.iter().find(|t| t.order_id == order_id).unwrap();
    let lines: Vec<(u32, bool, Option<&str>)> = ticket
        .items
        .iter()
        .map(|item| (item.line, item.ready, item.ready_by.as_deref()))
        .collect();
    assert_eq!(lines, [(0, false, None), (1, true, Some("bea"))]);
    assert_eq!(ticket.status, OrderStatus::Cooking);

    let order = app.mediator.send(GetOrder {
        order_id,
        min_position,
    });
    let order = order.await.unwrap().value;
    assert_eq!(order.status, OrderStatus::Cooking);
    let step = order.timeline.last().unwrap();
    let pizza = step.pizza.as_ref().expect("the last step is the pizza's");
    assert_eq!(
        (pizza.line, pizza.name.as_str()),
        (1, "1 × Pepperoni (Medium)")
    );
    assert_eq!(
        (step.status, step.by.as_deref()),
        (OrderStatus::Cooking, Some("bea"))
    );
    let done = mark(&app, "carlo", order_id, 0).await.unwrap();
    let min_position = Some(done.value.position);
    let queue = app.mediator.send(GetKitchenQueue { min_position }).await;
    assert!(queue.unwrap().value.iter().all(|t| t.order_id != order_id));
}
