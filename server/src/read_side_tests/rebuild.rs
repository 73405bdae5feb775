//! Rebuild equals live: replaying the whole event log into emptied read models gives
//! exactly the rows the projector wrote as the events came, in every table of every view.
//! Batched equals one by one: a view writing a run of events at once (`apply_all`) gives
//! the rows of applying them one at a time.
//! A view added to a database with a history (the delivery board, migration 0006) is
//! filled by its migration with those same rows.

use super::support::{ADA, ADA_AGAIN, BOB, place, step};
use crate::db::{Backend, begin_write};
use crate::events::{StoredEvent, read_after};
use crate::projections::rebuild;
use crate::testing::{TestApp, customer, place_order_as, test_app};
use crate::wiring;
use app::contracts::{
    AssignDelivery, CancelOrder, DismissNotification, MarkNotificationRead, MarkOrderDelivered,
    MarkOrderReady, MarkPizzaReady, RemovePizza, SetStock, StartCooking, UpdatePizza,
};
use rust_decimal::Decimal;
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

/// The migration that added the delivery board, on each backend.
const DELIVERY_BOARD_SQLITE: &str =
    include_str!("../../migrations/sqlite/0006_delivery_board_view.sql");
const DELIVERY_BOARD_POSTGRES: &str =
    include_str!("../../migrations/postgres/0006_delivery_board_view.sql");

/// Every row of every read model table, as text, sorted: (table, rows).
async fn dump(pool: &AnyPool) -> Vec<(&'static str, Vec<Vec<String>>)> {
    let mut tables = Vec::new();
    for projection in wiring::projections() {
        for &table in projection.tables() {
            tables.push((table, rows_of(pool, table).await));
        }
    }
    tables
}

/// Every row of `table`, as text, sorted.
async fn rows_of(pool: &AnyPool, table: &str) -> Vec<Vec<String>> {
    // `*` on purpose: whatever columns a view has, the comparison covers them.
    // Table names come from the code, never from input.
    let rows = sqlx::query(&format!("SELECT * FROM {table}"))
        .fetch_all(pool)
        .await
        .unwrap();
    let mut rows: Vec<Vec<String>> = rows.iter().map(row_text).collect();
    rows.sort();
    rows
}

/// A row's values as text; read models hold only BIGINT and TEXT columns.
fn row_text(row: &AnyRow) -> Vec<String> {
    (0..row.len())
        .map(|index| {
            row.try_get::<Option<i64>, _>(index)
                .map(|value| format!("{value:?}"))
                .or_else(|_| {
                    row.try_get::<Option<String>, _>(index)
                        .map(|v| format!("{v:?}"))
                })
                .expect("a BIGINT or TEXT column")
        })
        .collect()
}

/// Orders in every state, for two customers, and a changed menu; returns the last position.
async fn a_busy_evening(app: &TestApp) -> i64 {
    let (delivered, _) = place(app, ADA, &[("margherita", 2), ("funghi", 1)]).await;
    let (cancelled, _) = place(app, ADA_AGAIN, &[("pepperoni", 1)]).await;
    let (cooking, _) = place(app, BOB, &[("diavola", 3)]).await;
    let (ready, _) = place(app, BOB, &[("pepperoni", 2)]).await;
    let (on_the_road, _) = place(app, ADA, &[("funghi", 2)]).await;
    place(app, BOB, &[("funghi", 1), ("margherita", 1)]).await;
    change_the_menu(app).await;
    place(app, ADA, &[("margherita", 1)]).await;
    step(
        app,
        StartCooking {
            order_id: delivered,
            minutes: None,
        },
    )
    .await;
    // One of its pizzas out of the oven on its own, then the rest with the order.
    let order_id = delivered;
    step(app, MarkPizzaReady { order_id, line: 1 }).await;
    step(
        app,
        MarkOrderReady {
            order_id: delivered,
        },
    )
    .await;
    let driver = "Luigi".to_owned();
    step(
        app,
        AssignDelivery {
            order_id: delivered,
            driver,
        },
    )
    .await;
    step(
        app,
        MarkOrderDelivered {
            order_id: delivered,
        },
    )
    .await;
    step(
        app,
        StartCooking {
            order_id: cooking,
            minutes: None,
        },
    )
    .await;
    for order_id in [ready, on_the_road] {
        step(
            app,
            StartCooking {
                order_id,
                minutes: None,
            },
        )
        .await;
    }
    // Ready by its one pizza line; the other as a whole.
    step(
        app,
        MarkPizzaReady {
            order_id: ready,
            line: 0,
        },
    )
    .await;
    let order_id = on_the_road;
    step(app, MarkOrderReady { order_id }).await;
    let driver = "Mario".to_owned();
    let order_id = on_the_road;
    step(app, AssignDelivery { order_id, driver }).await;
    let reason = "Wrong address".to_owned();
    step(
        app,
        CancelOrder {
            order_id: cancelled,
            reason,
        },
    )
    .await;
    let last = a_customers_evening(app).await;
    // The pineapple runs out: the Hawaiian sells out (`sold_out_view`). The command answers
    // once the views hold what it recorded.
    let count = SetStock {
        ingredient: "pineapple".into(),
        on_hand: 0,
        low_stock_at: None,
    };
    app.mediator.send(count).await.expect("counted");
    let head = crate::events::head(&app.pool).await.unwrap();
    assert_eq!(head, last + 2, "the count and the Hawaiian selling out");
    head
}

/// A signed-in customer's orders, one delivered and one cooking, and their inbox:
/// one notification read, one dismissed. Returns the last position.
async fn a_customers_evening(app: &TestApp) -> i64 {
    let (delivered, first) = place_order_as(app, "carla", &[("funghi", 1)]).await;
    let (cooking, _) = place_order_as(app, "carla", &[("diavola", 2)]).await;
    step(
        app,
        StartCooking {
            order_id: cooking,
            minutes: None,
        },
    )
    .await;
    step(
        app,
        StartCooking {
            order_id: delivered,
            minutes: None,
        },
    )
    .await;
    step(
        app,
        MarkOrderReady {
            order_id: delivered,
        },
    )
    .await;
    let driver = "Luigi".to_owned();
    let order_id = delivered;
    step(app, AssignDelivery { order_id, driver }).await;
    let last = step(app, MarkOrderDelivered { order_id }).await;
    // The commands find a notification in the inbox view: wait for it to be there.
    app.views
        .wait_for(Some(last))
        .await
        .expect("the views catch up");
    let carla = customer("carla");
    let read = MarkNotificationRead { id: first };
    app.mediator
        .send_as(carla.clone(), read)
        .await
        .expect("read");
    let dismiss = DismissNotification { id: last };
    let done = app
        .mediator
        .send_as(carla, dismiss)
        .await
        .expect("dismissed");
    done.value.position
}

/// A new price for the margherita; the marinara goes.
async fn change_the_menu(app: &TestApp) {
    let update = UpdatePizza {
        base_price: Some(Decimal::new(1149, 2)),
        ..UpdatePizza::of("margherita")
    };
    app.mediator.send(update).await.expect("updated");
    let remove = RemovePizza {
        pizza_id: "marinara".into(),
    };
    app.mediator.send(remove).await.expect("removed");
}

#[tokio::test]
async fn rebuilding_the_read_models_gives_exactly_the_rows_projected_live() {
    let app = test_app().await;
    let last = a_busy_evening(&app).await;
    app.views.wait_for(Some(last)).await.unwrap();
    let live = dump(&app.pool).await;
    for (table, rows) in &live {
        assert!(
            !rows.is_empty(),
            "{table} is empty: the test would prove nothing"
        );
    }

    let rebuilt_to = rebuild(&app.pool, app.backend, wiring::projections())
        .await
        .unwrap();
    assert_eq!(rebuilt_to, last);
    assert_eq!(dump(&app.pool).await, live);
}

/// Empties every read model, then applies the whole log to each, in one transaction
/// per event (`apply`) or in one `apply_all` of every event.
async fn replay(app: &TestApp, one_by_one: bool) {
    let mut tx = begin_write(&app.pool, app.backend).await.unwrap();
    for projection in wiring::projections() {
        for table in projection.tables() {
            sqlx::query(&format!("DELETE FROM {table}"))
                .execute(&mut *tx)
                .await
                .unwrap();
        }
    }
    tx.commit().await.unwrap();
    let events = read_after(&app.pool, 0, i64::MAX).await.unwrap();
    let batches: Vec<&[StoredEvent]> = if one_by_one {
        events.chunks(1).collect()
    } else {
        vec![&events]
    };
    for projection in wiring::projections() {
        for batch in &batches {
            let mut tx = begin_write(&app.pool, app.backend).await.unwrap();
            projection.apply_all(&mut tx, batch).await.unwrap();
            tx.commit().await.unwrap();
        }
    }
}

#[tokio::test]
async fn the_whole_log_in_one_batch_gives_the_rows_of_one_event_at_a_time() {
    let app = test_app().await;
    let last = a_busy_evening(&app).await;
    app.views.wait_for(Some(last)).await.unwrap();
    // The evening starts with six orders in a row: two customers (one typing her phone
    // two ways), pizzas ordered more than once, so a batch adds several orders to one row.
    replay(&app, true).await;
    let one_by_one = dump(&app.pool).await;
    for (table, rows) in &one_by_one {
        assert!(
            !rows.is_empty(),
            "{table} is empty: the test would prove nothing"
        );
    }
    replay(&app, false).await;
    assert_eq!(dump(&app.pool).await, one_by_one);
}

#[tokio::test]
async fn the_delivery_board_migration_fills_the_view_with_the_rows_projection_wrote() {
    let app = test_app().await;
    let last = a_busy_evening(&app).await;
    app.views.wait_for(Some(last)).await.unwrap();
    let statuses: Vec<(String,)> =
        sqlx::query_as("SELECT DISTINCT status FROM delivery_board_view ORDER BY status")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    let statuses: Vec<&str> = statuses.iter().map(|(s,)| s.as_str()).collect();
    assert_eq!(statuses, ["cooking", "delivering", "pending", "ready"]);
    let live = rows_of(&app.pool, "delivery_board_view").await;

    // As if the database had been migrated to 0005 and projected before the view existed.
    sqlx::raw_sql("DROP TABLE delivery_board_view")
        .execute(&app.pool)
        .await
        .unwrap();
    let migration = match app.backend {
        Backend::Sqlite => DELIVERY_BOARD_SQLITE,
        Backend::Postgres => DELIVERY_BOARD_POSTGRES,
    };
    sqlx::raw_sql(migration).execute(&app.pool).await.unwrap();
    assert_eq!(rows_of(&app.pool, "delivery_board_view").await, live);
}
