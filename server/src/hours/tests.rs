//! The hours through the mediator, on a real database: what a manager sets is what
//! anyone reads, an order outside the hours is refused by the pipeline with the seed's
//! message, new hours apply to the next order, and a retry of an order placed before
//! closing still gets its first answer.

use crate::testing::{TestApp, an_order, test_app};
use app::contracts::{
    GetShopHours, IdempotencyKey, Opening, OpeningHours, UpdateShopHours, WeeklyHours,
};
use mediator::Context;

fn hours(zone: &str, weekly: WeeklyHours, closures: &[&str]) -> UpdateShopHours {
    UpdateShopHours {
        hours: OpeningHours {
            timezone: zone.into(),
            weekly,
            closures: closures.iter().map(|day| day.parse().unwrap()).collect(),
        },
    }
}

fn always() -> WeeklyHours {
    WeeklyHours::every_day(vec![Opening::new("00:00", "24:00")])
}

async fn close_for_good(app: &TestApp) {
    let closed = hours("Europe/Rome", WeeklyHours::default(), &["2026-12-25"]);
    app.mediator.send(closed).await.unwrap();
}

#[tokio::test]
async fn a_manager_sets_the_hours_and_anyone_reads_them_with_where_the_shop_stands() {
    let app = test_app().await;
    let before = app.mediator.send(GetShopHours).await.unwrap().value;
    assert_eq!(before.timezone, "UTC");
    assert!(before.open_now);

    let set = hours(
        " America/New_York ",
        WeeklyHours {
            saturday: vec![
                Opening::new("11:00", "14:00"),
                Opening::new("18:00", "02:00"),
            ],
            ..WeeklyHours::default()
        },
        &["2027-01-01", "2026-12-25"],
    );
    let stored = app.mediator.send(set).await.unwrap().value;

    let read = app.mediator.send(GetShopHours).await.unwrap().value;
    assert_eq!(read, stored);
    assert_eq!(read.timezone, "America/New_York");
    assert_eq!(
        read.closures,
        ["2026-12-25".parse().unwrap(), "2027-01-01".parse().unwrap()]
    );
    assert_eq!(read.weekly.saturday.len(), 2);
    assert!(read.next_opening.is_some());
    assert!([-5 * 3600, -4 * 3600].contains(&read.utc_offset_seconds));
    assert_eq!(app.events_of("hours-shop").await, ["ShopHoursChanged"]);
}

#[tokio::test]
async fn an_order_outside_the_hours_is_refused_with_the_seeds_message_until_they_change() {
    let app = test_app().await;
    close_for_good(&app).await;

    let refused = app
        .mediator
        .send(an_order("555 010 0700", &[("margherita", 1)]))
        .await
        .unwrap_err();

    assert_eq!(refused.code(), 422);
    assert!(
        refused
            .detail
            .starts_with("Sorry, we're closed! We are closed today."),
        "{}",
        refused.detail
    );
    assert!(refused.detail.ends_with("No opening is planned yet."));
    let (orders,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM orders")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(orders, 0);

    app.mediator
        .send(hours("UTC", always(), &[]))
        .await
        .unwrap();
    let placed = app
        .mediator
        .send(an_order("555 010 0700", &[("margherita", 1)]))
        .await
        .unwrap();
    assert_eq!(placed.code(), 201);
}

#[tokio::test]
async fn a_retry_of_an_order_placed_before_closing_gets_its_first_answer() {
    let app = test_app().await;
    let key = IdempotencyKey::parse("placed-before-closing-01").unwrap();
    let send = |key: &IdempotencyKey| {
        let ctx = Context::new().with(key.clone());
        app.mediator
            .send_in(ctx, an_order("555 010 0701", &[("pepperoni", 1)]))
    };
    let first = send(&key).await.unwrap();
    close_for_good(&app).await;

    let retried = send(&key).await.unwrap();
    let new_key = IdempotencyKey::parse("placed-after-closing-01").unwrap();
    let fresh = send(&new_key).await.unwrap_err();

    assert_eq!(retried.code(), 201);
    assert_eq!(retried.value.order_id, first.value.order_id);
    assert_eq!(fresh.code(), 422);
}

#[tokio::test]
async fn a_zone_the_database_does_not_know_is_refused_naming_the_field() {
    let app = test_app().await;

    let refused = app
        .mediator
        .send(hours("Europe/Atlantis", always(), &[]))
        .await
        .unwrap_err();

    assert_eq!(refused.code(), 422);
    assert_eq!(refused.errors[0].field, "timezone");
    assert!(app.events_of("hours-shop").await.is_empty());
}

#[tokio::test]
async fn revenue_is_summed_by_the_days_of_the_shops_zone() {
    let app = test_app().await;
    let far_east = hours("Pacific/Kiritimati", always(), &[]);
    app.mediator.send(far_east).await.unwrap();
    let (_, position) =
        crate::testing::place_order(&app, "555 010 0702", &[("margherita", 1)]).await;
    let now = chrono::Utc::now();

    let days = app
        .mediator
        .send(app::contracts::GetRevenue {
            from: now,
            to: now,
            bucket: app::contracts::TimeBucket::Day,
            min_position: Some(position),
        })
        .await
        .unwrap()
        .value;

    assert_eq!(days.len(), 1);
    assert_eq!(days[0].order_count, 1);
    // Kiritimati is 14 hours ahead of UTC: its midnight is 10:00 UTC.
    let local = days[0].start.with_timezone(&chrono_tz::Pacific::Kiritimati);
    assert_eq!(local.time(), chrono::NaiveTime::MIN);
    assert_eq!(
        days[0].start.time(),
        chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap()
    );
}

#[tokio::test]
async fn popular_pizzas_count_the_days_of_the_shops_zone() {
    let app = test_app().await;
    let far_east = hours("Pacific/Kiritimati", always(), &[]);
    app.mediator.send(far_east).await.unwrap();
    let (_, position) =
        crate::testing::place_order(&app, "555 010 0703", &[("margherita", 2)]).await;
    app.views.wait_for(Some(position)).await.unwrap();
    let popular = |days| app::contracts::GetPopularPizzas {
        days,
        limit: 10,
        min_position: Some(position),
    };
    let sold = |pizzas: Vec<app::contracts::PopularPizza>| {
        pizzas.iter().map(|pizza| pizza.quantity).sum::<u64>()
    };
    assert_eq!(sold(app.mediator.send(popular(1)).await.unwrap().value), 2);

    // Into the last quarter of an hour before the shop's midnight: yesterday there, though
    // still today in UTC for most of the day (Kiritimati's midnight is 10:00 UTC).
    let zone = chrono_tz::Pacific::Kiritimati;
    let midnight = crate::analytics::buckets::first_day_start(1, chrono::Utc::now(), zone);
    let before = crate::analytics::buckets::quarter_key(midnight - chrono::TimeDelta::minutes(15));
    sqlx::query("UPDATE popular_pizzas_view SET quarter = $1")
        .bind(before)
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(sold(app.mediator.send(popular(1)).await.unwrap().value), 0);
    assert_eq!(sold(app.mediator.send(popular(2)).await.unwrap().value), 2);
}

#[tokio::test]
async fn pages_get_the_shops_zone_with_its_offsets() {
    let app = test_app().await;
    let utc = app
        .mediator
        .send(app::contracts::GetShopZone)
        .await
        .unwrap();
    assert_eq!(utc.value, app::contracts::ShopZone::fixed("UTC", 0));

    let new_york = hours("America/New_York", always(), &[]);
    app.mediator.send(new_york).await.unwrap();
    let zone = app
        .mediator
        .send(app::contracts::GetShopZone)
        .await
        .unwrap();
    assert_eq!(zone.value.timezone, "America/New_York");
    // A year either side: two changes a year, each way.
    assert!(zone.value.offsets.len() >= 5, "{:?}", zone.value.offsets);
    let now = chrono::Utc::now();
    assert!([-5 * 3600, -4 * 3600].contains(&zone.value.offset_at(now)));
}
