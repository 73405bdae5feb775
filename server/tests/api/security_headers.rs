//! Every answer carries the browser's security headers; a page's policy lets exactly its
//! own inline scripts (those with the render's nonce) run.

use crate::helpers::{spawn_app, valid_order};
use reqwest::Response;

fn header(response: &Response, name: &str) -> String {
    response
        .headers()
        .get(name)
        .unwrap_or_else(|| panic!("no {name}"))
        .to_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn a_page_allows_only_the_scripts_carrying_its_nonce() {
    let app = spawn_app().await;
    let page = app.get("/").await;
    assert_eq!(page.status(), 200);
    let policy = header(&page, "content-security-policy");
    assert_eq!(header(&page, "x-frame-options"), "DENY");
    assert_eq!(header(&page, "x-content-type-options"), "nosniff");
    assert_eq!(
        header(&page, "referrer-policy"),
        "strict-origin-when-cross-origin"
    );
    let html = page.text().await.unwrap();
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .unwrap_or_else(|| panic!("no nonce in {policy}"));
    assert!(nonce.len() >= 16, "{nonce}");
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    let scripts = html.matches("<script").count();
    let with_nonce = html.matches(&format!("nonce=\"{nonce}\"")).count();
    assert!(scripts > 0, "{html}");
    assert!(
        with_nonce >= scripts,
        "{with_nonce} of {scripts} scripts carry the nonce"
    );
    let next = app.get("/").await;
    assert_ne!(
        header(&next, "content-security-policy"),
        policy,
        "a nonce per page"
    );
}

#[tokio::test]
async fn order_pages_send_no_referrer_and_json_answers_load_nothing() {
    let app = spawn_app().await;
    let order = app.place(&valid_order()).await;
    let id = order["order_id"].as_str().unwrap();
    let page = app.get(&format!("/orders/{id}")).await;
    assert_eq!(header(&page, "referrer-policy"), "no-referrer");
    let json = app.get("/api/menu").await;
    assert_eq!(
        header(&json, "content-security-policy"),
        "default-src 'none'; frame-ancestors 'none'"
    );
    assert_eq!(header(&json, "x-content-type-options"), "nosniff");
}
