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
