//! Server-rendered pages: the first paint already holds the menu.

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_home_page_is_server_rendered_with_the_menu() {
    let app = spawn_app().await;
    let response = app.get("/").await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    for text in ["Margherita", "Pepperoni", "$10.99"] {
        assert!(html.contains(text), "{text} missing from the first paint");
    }
}

#[tokio::test]
async fn responses_are_compressed_when_the_client_accepts_it() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(format!("{}/api/menu", app.address))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["content-encoding"], "gzip");
}

#[tokio::test]
async fn every_answer_tells_browsers_to_revalidate_before_reuse() {
    let app = spawn_app().await;
    for path in ["/", "/api/menu", "/staff/login"] {
        let response = app.get(path).await;
        assert_eq!(response.headers()["cache-control"], "no-cache", "{path}");
    }
}

/// GETs a page as a browser does (`Accept: text/html`), without following redirects.
pub(crate) async fn page(
    app: &crate::helpers::TestApp,
    path: &str,
    cookie: Option<&str>,
) -> reqwest::Response {
    let client = crate::helpers::client_builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut request = client
        .get(format!("{}{path}", app.address))
        .header("accept", "text/html");
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn a_staff_page_sends_anonymous_visitors_to_sign_in_with_the_way_back() {
    let app = spawn_app().await;
    for (path, next) in [
        ("/staff", "%2Fstaff"),
        ("/staff/kitchen", "%2Fstaff%2Fkitchen"),
    ] {
        let response = page(&app, path, None).await;
        assert_eq!(response.status(), 302, "{path}");
        let location = response.headers()["location"].to_str().unwrap();
        assert!(
            location.ends_with(&format!("/staff/login?next={next}")),
            "{path} → {location}"
        );
    }
    let login = page(&app, "/staff/login?next=%2Fstaff%2Fkitchen", None).await;
    assert_eq!(login.status(), 200);
    let html = login.text().await.unwrap();
    assert!(html.contains(r#"action="/api/auth/login""#), "{html}");
    assert!(
        html.contains(r#"value="/staff/kitchen""#),
        "the way back is in the form"
    );
}

#[tokio::test]
async fn the_kitchen_page_is_server_rendered_with_the_queue_for_a_chef_only() {
    let app = spawn_app().await;
    let mut order = crate::helpers::valid_order();
    order["customer_name"] = serde_json::json!("Queue Quentin");
    let placed = app.place(&order).await;
    let position = placed["position"].as_i64().unwrap();
    // The queue includes the order once the projector has it.
    let chef = app.session_of("chef").await;
    let queue = app
        .call(
            reqwest::Method::GET,
            &format!("/api/kitchen/queue?min_position={position}"),
            Some(&chef),
            None,
        )
        .await;
    assert_eq!(queue.status(), 200);

    let kitchen = page(&app, "/staff/kitchen", Some(&chef)).await;
    assert_eq!(kitchen.status(), 200);
    let html = kitchen.text().await.unwrap();
    assert!(
        html.contains("Queue Quentin"),
        "the first paint holds the queue"
    );
    assert!(html.contains("Start cooking"));

    let driver = app.session_of("driver").await;
    let refused = page(&app, "/staff/kitchen", Some(&driver)).await;
    let html = refused.text().await.unwrap();
    assert!(html.contains("Not for your role"));
    assert!(
        !html.contains("Queue Quentin"),
        "a driver never sees the queue"
    );
}
