//! Signing in and out with the staff sign-in page's plain HTML form: redirects, the
//! session cookie, the reasons a failure is sent back with, and no open redirect.

use crate::helpers::spawn_app;
use reqwest::Response;
use reqwest::redirect::Policy;

async fn post_form(
    base: &str,
    path: &str,
    form: &[(&str, &str)],
    cookie: Option<&str>,
) -> Response {
    let client = crate::helpers::client_builder()
        .redirect(Policy::none())
        .build()
        .unwrap();
    let mut request = client.post(format!("{base}{path}")).form(form);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    request.send().await.unwrap()
}

fn location(response: &Response) -> &str {
    response.headers()["location"].to_str().unwrap()
}

fn set_cookie(response: &Response) -> Option<String> {
    let value = response.headers().get("set-cookie")?.to_str().ok()?;
    Some(value.split(';').next()?.to_owned())
}

#[tokio::test]
async fn the_form_signs_in_and_goes_to_the_page_asked_for() {
    let app = spawn_app().await;
    let form = [
        ("username", "chef"),
        ("password", "chef-pass"),
        ("next", "/staff/kitchen"),
    ];
    let response = post_form(&app.address, "/api/auth/login", &form, None).await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/staff/kitchen");
    let cookie = set_cookie(&response).expect("a session cookie");

    let me = app
        .call(reqwest::Method::GET, "/api/auth/me", Some(&cookie), None)
        .await;
    assert_eq!(me.status(), 200);
}

#[tokio::test]
async fn a_wrong_password_goes_back_to_sign_in_with_the_reason_and_no_cookie() {
    let app = spawn_app().await;
    let form = [
        ("username", "chef"),
        ("password", "not-it"),
        ("next", "/staff/kitchen"),
    ];
    let response = post_form(&app.address, "/api/auth/login", &form, None).await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        location(&response),
        "/staff/login?error=wrong&next=%2Fstaff%2Fkitchen"
    );
    assert_eq!(set_cookie(&response), None);

    let blank = [("username", " "), ("password", "")];
    let response = post_form(&app.address, "/api/auth/login", &blank, None).await;
    assert_eq!(
        location(&response),
        "/staff/login?error=missing&next=%2Fstaff"
    );
}

#[tokio::test]
async fn repeated_failures_are_reported_as_busy() {
    let app = spawn_app().await;
    let form = [("username", "driver"), ("password", "wrong")];
    let mut last = String::new();
    for _ in 0..6 {
        let response = post_form(&app.address, "/api/auth/login", &form, None).await;
        last = location(&response).to_owned();
    }
    assert_eq!(last, "/staff/login?error=busy&next=%2Fstaff");
}

#[tokio::test]
async fn the_form_never_redirects_off_the_staff_pages() {
    let app = spawn_app().await;
    let form = [
        ("username", "chef"),
        ("password", "chef-pass"),
        ("next", "https://evil.example/"),
    ];
    let response = post_form(&app.address, "/api/auth/login", &form, None).await;
    assert_eq!(location(&response), "/staff");
}

#[tokio::test]
async fn signing_out_with_the_form_ends_the_session_and_goes_to_sign_in() {
    let app = spawn_app().await;
    let cookie = app.session_of("chef").await;
    let response = post_form(&app.address, "/api/auth/logout", &[], Some(&cookie)).await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/staff/login?signed_out=1");
    let cleared = response.headers()["set-cookie"].to_str().unwrap();
    assert!(cleared.contains("Max-Age=0"), "{cleared}");

    let me = app
        .call(reqwest::Method::GET, "/api/auth/me", Some(&cookie), None)
        .await;
    assert_eq!(me.status(), 401);
}
