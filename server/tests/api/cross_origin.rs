//! A page on another site cannot change anything through a visitor's browser: every
//! state change whose `Sec-Fetch-Site` or `Origin` says it came from elsewhere is a 403
//! problem, on REST, the sign-in form and server functions alike.

use crate::helpers::{assert_problem, spawn_app, valid_order};
use reqwest::{RequestBuilder, StatusCode};

fn from_elsewhere(request: RequestBuilder) -> RequestBuilder {
    request.header("sec-fetch-site", "cross-site")
}

#[tokio::test]
async fn an_order_posted_from_another_site_is_refused_and_not_placed() {
    let app = spawn_app().await;
    let url = format!("{}/api/orders", app.address);
    let forged = from_elsewhere(app.client.post(&url)).json(&valid_order());
    assert_problem(forged.send().await.unwrap(), 403).await;
    let old_browser = app
        .client
        .post(&url)
        .header("origin", "https://evil.example");
    let old_browser = old_browser.json(&valid_order()).send().await.unwrap();
    assert_problem(old_browser, 403).await;

    let own_page = app
        .client
        .post(&url)
        .header("sec-fetch-site", "same-origin")
        .header("origin", &app.address)
        .json(&valid_order());
    let placed = own_page.send().await.unwrap();
    assert_eq!(placed.status(), StatusCode::CREATED);
    // Read at the placed order's position: the refused ones would be before it.
    let location = placed.headers()["location"].to_str().unwrap().to_owned();
    let position = location.split("min_position=").nth(1).unwrap();
    let phone = "%2B39%2006%20555-1234";
    let manager = app.session_of("manager").await;
    let path = format!("/api/customers/{phone}/history?min_position={position}");
    let history = app
        .call(reqwest::Method::GET, &path, Some(&manager), None)
        .await;
    let history: serde_json::Value = history.json().await.unwrap();
    assert_eq!(history["order_count"], 1, "{history}");
}

#[tokio::test]
async fn a_staff_cookie_does_not_let_another_site_act() {
    let app = spawn_app().await;
    let order = app.place(&valid_order()).await;
    let chef = app.session_of("chef").await;
    let cook = format!(
        "{}/api/orders/{}/cook",
        app.address,
        order["order_id"].as_str().unwrap()
    );
    let forged = from_elsewhere(app.client.put(&cook)).header("cookie", &chef);
    assert_problem(forged.send().await.unwrap(), 403).await;
    let real = app
        .client
        .put(&cook)
        .header("cookie", &chef)
        .send()
        .await
        .unwrap();
    assert_eq!(real.status(), StatusCode::OK);
}

#[tokio::test]
async fn another_site_can_neither_sign_someone_in_nor_call_server_functions() {
    let app = spawn_app().await;
    let sign_in = from_elsewhere(app.client.post(format!("{}/api/auth/login", app.address)))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("username=chef&password=chef-pass");
    let response = sign_in.send().await.unwrap();
    assert!(!response.headers().contains_key("set-cookie"));
    assert_problem(response, 403).await;
    let call = from_elsewhere(
        app.client
            .post(format!("{}/api/fn/place_order", app.address)),
    )
    .header("content-type", "application/json")
    .body("{}");
    assert_problem(call.send().await.unwrap(), 403).await;
}

#[tokio::test]
async fn reading_from_another_site_is_not_a_state_change() {
    let app = spawn_app().await;
    let menu = from_elsewhere(app.client.get(format!("{}/api/menu", app.address)));
    assert_eq!(menu.send().await.unwrap().status(), StatusCode::OK);
}
