//! The pricing commands and what they do to placing and quoting orders, through the
//! server's mediator against a real database (SQLite, or PostgreSQL when
//! `TEST_DATABASE_URL` is set).

use crate::testing::{TestApp, an_order, test_app};
use app::contracts::{
    AddPromoCode, DiscountKind, GetOrder, GetPriceQuote, GetShopPricing, ListPromoCodes,
    PlaceOrder, PlacedOrder, RemovePromoCode, ShopPricing, TotalBreakdown, UpdateShopPricing,
};
use chrono::{Duration, Utc};
use mediator::Problem;
use rust_decimal::Decimal;
use std::str::FromStr;

fn dec(value: &str) -> Decimal {
    Decimal::from_str(value).unwrap()
}

/// 2.50 delivery, free from 30.00, 10 % tax on top.
async fn set_pricing(app: &TestApp) {
    let pricing = ShopPricing {
        delivery_fee: dec("2.5"),
        free_delivery_from: Some(dec("30")),
        tax_rate: dec("0.10"),
        prices_include_tax: false,
    };
    let stored = app.mediator.send(UpdateShopPricing { pricing }).await;
    assert_eq!(
        stored.expect("pricing set").value.delivery_fee.to_string(),
        "2.50"
    );
}

fn code(code: &str, kind: DiscountKind, value: &str) -> AddPromoCode {
    AddPromoCode {
        code: code.into(),
        kind,
        value: dec(value),
        valid_from: None,
        valid_until: None,
        max_uses: None,
        min_subtotal: None,
    }
}

/// One margherita (10.99) with `promo`.
fn margherita_with(promo: Option<&str>) -> PlaceOrder {
    PlaceOrder {
        promo_code: promo.map(str::to_owned),
        ..an_order("555 010 0200", &[("margherita", 1)])
    }
}

async fn place(app: &TestApp, order: PlaceOrder) -> Result<PlacedOrder, Problem> {
    app.mediator.send(order).await.map(|done| done.value)
}

async fn breakdown_of(app: &TestApp, placed: &PlacedOrder) -> TotalBreakdown {
    let query = GetOrder {
        order_id: placed.order_id,
        min_position: Some(placed.position),
    };
    app.mediator
        .send(query)
        .await
        .unwrap()
        .value
        .total_breakdown
}

/// (subtotal, delivery fee, discount, tax, total) as text.
fn amounts(bill: &TotalBreakdown) -> [String; 5] {
    [
        bill.subtotal,
        bill.delivery_fee,
        bill.discount,
        bill.tax,
        bill.total,
    ]
    .map(|a| a.to_string())
}

fn refusal(result: Result<PlacedOrder, Problem>) -> (u16, String, String) {
    let problem = result.expect_err("refused");
    let error = problem.errors.first().cloned().expect("a field error");
    (problem.code(), error.field, error.message)
}

#[tokio::test]
async fn an_order_pays_the_fee_and_the_tax_the_manager_set_and_keeps_its_bill() {
    let app = test_app().await;
    let before = place(&app, margherita_with(None)).await.unwrap();
    assert_eq!(before.total_amount.to_string(), "10.99");
    set_pricing(&app).await;

    let placed = place(&app, margherita_with(None)).await.unwrap();
    // 10.99 + 2.50 delivery = 13.49; 10 % tax 1.35 (1.349 rounded) on top.
    assert_eq!(placed.total_amount.to_string(), "14.84");
    let bill = breakdown_of(&app, &placed).await;
    assert_eq!(amounts(&bill), ["10.99", "2.50", "0.00", "1.35", "14.84"]);
    assert!(!bill.prices_include_tax);
    // The order placed earlier keeps what it paid.
    assert_eq!(
        breakdown_of(&app, &before).await,
        TotalBreakdown::pizzas_only(dec("10.99"))
    );
    let event = app
        .last_payload(&format!("order-{}", placed.order_id))
        .await;
    assert_eq!(event["breakdown"]["total"], "14.84");
    assert_eq!(
        app.mediator
            .send(GetShopPricing)
            .await
            .unwrap()
            .value
            .tax_rate
            .to_string(),
        "0.1"
    );
}

#[tokio::test]
async fn a_promo_code_takes_its_discount_and_counts_a_use() {
    let app = test_app().await;
    set_pricing(&app).await;
    let added = app
        .mediator
        .send(code("welcome10", DiscountKind::Percent, "10"))
        .await;
    assert_eq!(added.as_ref().map(|done| done.code()), Ok(201));
    assert_eq!(added.unwrap().value.code, "WELCOME10");

    // Three margheritas: 32.97; 10 % off 3.30 leaves 29.67, under the free-delivery 30.
    let order = PlaceOrder {
        promo_code: Some(" Welcome10 ".into()),
        ..an_order("555 010 0200", &[("margherita", 3)])
    };
    let quote = GetPriceQuote {
        pizza_items: order.pizza_items.clone(),
        promo_code: order.promo_code.clone(),
    };
    let quoted = app.mediator.send(quote).await.unwrap().value;
    let placed = place(&app, order).await.unwrap();
    let bill = breakdown_of(&app, &placed).await;
    assert_eq!(bill, quoted, "the quote is what is charged");
    assert_eq!(amounts(&bill), ["32.97", "2.50", "3.30", "3.22", "35.39"]);
    assert_eq!(bill.promo_code.as_deref(), Some("WELCOME10"));
    let codes = app.mediator.send(ListPromoCodes).await.unwrap().value;
    assert_eq!((codes.len(), codes[0].uses), (1, 1));
}

#[tokio::test]
async fn codes_that_do_not_apply_are_422s_naming_the_promo_code_and_place_nothing() {
    let app = test_app().await;
    let now = Utc::now();
    let codes = [
        AddPromoCode {
            valid_until: Some(now - Duration::days(1)),
            valid_from: Some(now - Duration::days(9)),
            ..code("OLD", DiscountKind::Amount, "5")
        },
        AddPromoCode {
            valid_from: Some(now + Duration::days(1)),
            ..code("SOON", DiscountKind::Amount, "5")
        },
        AddPromoCode {
            min_subtotal: Some(dec("20")),
            ..code("BIG", DiscountKind::Amount, "5")
        },
    ];
    for promo in codes {
        app.mediator.send(promo).await.expect("added");
    }
    let before = app.event_count().await;
    for (typed, words) in [
        ("NOPE", "no promo code NOPE"),
        ("old", "expired"),
        ("soon", "can be used from"),
        ("big", "at least 20"),
        ("x!", "letters or digits"),
    ] {
        let (status, field, message) = refusal(place(&app, margherita_with(Some(typed))).await);
        assert_eq!((status, field.as_str()), (422, "promo_code"), "{typed}");
        assert!(message.contains(words), "{typed}: {message}");
    }
    assert_eq!(app.event_count().await, before);
    let duplicate = app
        .mediator
        .send(code("big", DiscountKind::Percent, "5"))
        .await;
    assert_eq!(duplicate.unwrap_err().code(), 409);
}

#[tokio::test]
async fn concurrent_orders_never_use_a_code_more_often_than_allowed() {
    let app = test_app().await;
    let limited = AddPromoCode {
        max_uses: Some(3),
        ..code("LAST3", DiscountKind::Amount, "1")
    };
    app.mediator.send(limited).await.expect("added");
    let orders = (0..8).map(|_| place(&app, margherita_with(Some("LAST3"))));
    let results = futures_util::future::join_all(orders).await;
    let placed = results.iter().filter(|result| result.is_ok()).count();
    assert_eq!(placed, 3, "{results:?}");
    for result in results.into_iter().filter(Result::is_err) {
        let (status, field, message) = refusal(result);
        assert_eq!((status, field.as_str()), (422, "promo_code"));
        assert!(message.contains("used up"), "{message}");
    }
    let codes = app.mediator.send(ListPromoCodes).await.unwrap().value;
    assert_eq!(codes[0].uses, 3);
}

#[tokio::test]
async fn a_removed_code_no_longer_applies_and_orders_that_used_it_keep_their_discount() {
    let app = test_app().await;
    app.mediator
        .send(code("TAKE2", DiscountKind::Amount, "2"))
        .await
        .expect("added");
    let placed = place(&app, margherita_with(Some("take2"))).await.unwrap();
    assert_eq!(placed.total_amount.to_string(), "8.99");
    let remove = |code: &str| RemovePromoCode { code: code.into() };
    app.mediator.send(remove("take2")).await.expect("removed");
    assert_eq!(
        app.mediator.send(remove("TAKE2")).await.unwrap_err().code(),
        404
    );
    let (status, field, _) = refusal(place(&app, margherita_with(Some("TAKE2"))).await);
    assert_eq!((status, field.as_str()), (422, "promo_code"));
    assert_eq!(
        breakdown_of(&app, &placed).await.discount.to_string(),
        "2.00"
    );
    let events = app.events_of("pricing-promo-TAKE2").await;
    assert_eq!(events, ["PromoCodeAdded", "PromoCodeRemoved"]);
}

#[tokio::test]
async fn a_quote_refuses_what_placing_would_refuse() {
    let app = test_app().await;
    let quote = GetPriceQuote {
        pizza_items: an_order("555 010 0200", &[("no-such-pizza", 1)]).pizza_items,
        promo_code: None,
    };
    let problem = app.mediator.send(quote).await.unwrap_err();
    assert_eq!(problem.code(), 422);
    assert_eq!(problem.errors[0].field, "pizza_items[0].pizza_id");
}
