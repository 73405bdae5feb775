//! `ListIntegrationEvents` through the server's mediator against a real database
//! (SQLite, or PostgreSQL when `TEST_DATABASE_URL` is set).

use crate::testing::{place_order, test_app};
use app::contracts::{CancelOrder, IntegrationEvents, ListIntegrationEvents};

async fn page(app: &crate::testing::TestApp, after: i64, limit: u32) -> IntegrationEvents {
    let query = ListIntegrationEvents { after, limit };
    app.mediator.send(query).await.expect("a page").value
}

#[tokio::test]
async fn an_order_s_events_follow_each_other_in_the_log_once_each() {
    let app = test_app().await;
    let (order_id, position) = place_order(&app, "555 010 0400", &[("margherita", 2)]).await;
    let cancel = CancelOrder {
        order_id,
        reason: "Changed my mind".into(),
    };
    app.mediator.send(cancel).await.expect("cancelled");

    let after_placing = page(&app, position - 1, 10).await;

    let types: Vec<&str> = after_placing
        .events
        .iter()
        .map(|event| event.event_type.as_str())
        .collect();
    // The order was paid by card: cancelling it refunds the card.
    let expected = [
        "pizzeria.order.placed.v1",
        "pizzeria.order.cancelled.v1",
        "pizzeria.payment.refunded.v1",
    ];
    assert_eq!(types, expected);
    let subject = order_id.to_string();
    assert!(after_placing.events.iter().all(|e| e.subject == subject));
    assert_eq!(after_placing.events[0].id, position.to_string());
    assert_eq!(after_placing.events[1].data["reason"], "Changed my mind");
    assert_eq!(
        after_placing.next_after.to_string(),
        after_placing.events[2].id
    );
    let past_the_end = page(&app, after_placing.next_after, 10).await;
    assert!(past_the_end.events.is_empty());
    assert_eq!(past_the_end.next_after, after_placing.next_after);
}

#[tokio::test]
async fn pages_split_the_log_where_asked_and_never_repeat_an_event() {
    let app = test_app().await;
    for phone in ["555 010 0401", "555 010 0402", "555 010 0403"] {
        place_order(&app, phone, &[("pepperoni", 1)]).await;
    }
    let whole = page(&app, 0, 1_000).await;

    let mut paged = Vec::new();
    let mut after = 0;
    loop {
        let next = page(&app, after, 2).await;
        if next.events.is_empty() {
            break;
        }
        assert!(next.events.len() <= 2);
        after = next.next_after;
        paged.extend(next.events);
    }

    assert_eq!(paged, whole.events);
    assert!(whole.events.len() >= 3, "{}", whole.events.len());
}
