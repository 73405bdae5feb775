//! The shop's charges over REST: pricing and promo codes (managers), the quote (anyone),
//! and the bill an order carries.

use crate::helpers::{assert_problem, error_fields, spawn_app, valid_order};
use reqwest::Method;
use serde_json::{Value, json};

#[tokio::test]
async fn a_manager_sets_the_charges_and_an_order_carries_its_bill() {
    let mut app = spawn_app().await;
    let pricing = json!({"delivery_fee": "3", "free_delivery_from": null,
        "tax_rate": "0.2", "prices_include_tax": true});
    let refused = app
        .call(Method::PUT, "/api/shop/pricing", None, Some(&pricing))
        .await;
    assert_problem(refused, 401).await;
    app.sign_in("manager").await;
    let stored = app
        .call(Method::PUT, "/api/shop/pricing", None, Some(&pricing))
        .await;
    assert_eq!(stored.status(), 200);
    let read: Value = app.get("/api/shop/pricing").await.json().await.unwrap();
    assert_eq!(read["delivery_fee"], "3.00");
    let promo = json!({"code": "spring5", "kind": "amount", "value": "5"});
    let created = app.post_json("/api/promo-codes", &promo).await;
    assert_eq!(created.status(), 201);
    assert_eq!(created.headers()["location"], "/api/promo-codes/SPRING5");

    let mut order = valid_order();
    order["promo_code"] = json!("SPRING5");
    let quote = json!({"pizza_items": order["pizza_items"], "promo_code": "spring5"});
    let quoted: Value = app
        .post_json("/api/orders/quote", &quote)
        .await
        .json()
        .await
        .unwrap();
    let placed = app.place(&order).await;
    // 47.77 of pizzas, 5.00 off, 3.00 delivery: 45.77, of which 20 % tax is 7.63.
    assert_eq!(placed["total_amount"], "45.77");
    let (id, position) = (&placed["order_id"].as_str().unwrap(), &placed["position"]);
    let detail: Value = app
        .get(&format!("/api/orders/{id}?min_position={position}"))
        .await
        .json()
        .await
        .unwrap();
    let bill = &detail["total_breakdown"];
    assert_eq!(bill, &quoted);
    let expected = json!({"subtotal": "47.77", "delivery_fee": "3.00", "discount": "5.00",
        "tax": "7.63", "prices_include_tax": true, "total": "45.77", "promo_code": "SPRING5"});
    assert_eq!(bill, &expected);
    let codes: Value = app.get("/api/promo-codes").await.json().await.unwrap();
    assert_eq!(codes[0]["uses"], 1);

    let gone = app
        .call(Method::DELETE, "/api/promo-codes/spring5", None, None)
        .await;
    assert_eq!(gone.status(), 204);
    let again = app
        .call(Method::DELETE, "/api/promo-codes/spring5", None, None)
        .await;
    assert_problem(again, 404).await;
}

#[tokio::test]
async fn bad_charges_and_codes_are_422s_naming_the_field() {
    let mut app = spawn_app().await;
    app.sign_in("manager").await;
    let typo = json!({"delivery_fee": "3", "tax_rate": "0.2", "prices_include_tax": true,
        "tax": "0.2"});
    let refused = app
        .call(Method::PUT, "/api/shop/pricing", None, Some(&typo))
        .await;
    assert_eq!(error_fields(&assert_problem(refused, 422).await), ["tax"]);
    let too_high = json!({"delivery_fee": "3", "tax_rate": "20", "prices_include_tax": true});
    let refused = app
        .call(Method::PUT, "/api/shop/pricing", None, Some(&too_high))
        .await;
    assert_eq!(
        error_fields(&assert_problem(refused, 422).await),
        ["tax_rate"]
    );
    let promo = json!({"code": "HALF", "kind": "percent", "value": "150"});
    let refused = app.post_json("/api/promo-codes", &promo).await;
    assert_eq!(error_fields(&assert_problem(refused, 422).await), ["value"]);

    let mut order = valid_order();
    order["promo_code"] = json!("NOSUCHCODE");
    let refused = app.post_json("/api/orders", &order).await;
    let problem = assert_problem(refused, 422).await;
    assert_eq!(error_fields(&problem), ["promo_code"]);
}

#[tokio::test]
async fn only_managers_see_or_change_the_charges_but_anyone_gets_a_quote() {
    let mut app = spawn_app().await;
    app.sign_in("chef").await;
    assert_problem(app.get("/api/shop/pricing").await, 403).await;
    assert_problem(app.get("/api/promo-codes").await, 403).await;
    let quote = json!({"pizza_items": [{"pizza_id": "margherita", "size": "medium"}]});
    let quoted = app.post_json("/api/orders/quote", &quote).await;
    assert_eq!(quoted.status(), 200);
    let bill: Value = quoted.json().await.unwrap();
    assert_eq!(
        (&bill["subtotal"], &bill["total"]),
        (&json!("10.99"), &json!("10.99"))
    );
}
