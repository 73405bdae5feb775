//! Signing in and out with a plain HTML form, as `/staff/login` posts it: the answers
//! are `303 See Other` redirects a browser follows, never JSON. Success goes to the
//! page the member of staff asked for (only ever a `/staff` page of this site, so the
//! form cannot be used to send someone elsewhere); failure goes back to the sign-in page
//! with an `error` code it turns into words.

use crate::http::AppState;
use crate::http::client::ClientAddr;
use crate::http::session::{Credentials, open_session};
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

/// Where staff land when they did not ask for a page.
const HOME: &str = "/staff";

/// Whether the request carries a form rather than JSON.
pub(super) fn is_form(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| {
            value
                .trim_start()
                .starts_with("application/x-www-form-urlencoded")
        })
}

/// The sign-in form's fields.
#[derive(Deserialize)]
struct SignInForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: Option<String>,
}

/// The query string of the redirect back to the sign-in page.
#[derive(Serialize)]
struct Retry<'a> {
    error: &'a str,
    next: &'a str,
}

/// Signs in from the form: a redirect to the page asked for, with the session cookie,
/// or back to the sign-in page saying why not.
pub(super) async fn login(state: &AppState, client: ClientAddr, request: Request) -> Response {
    let headers = request.headers().clone();
    let form = match Bytes::from_request(request, state).await {
        Ok(body) => serde_urlencoded::from_bytes::<SignInForm>(&body).ok(),
        Err(_) => None,
    };
    let Some(form) = form else {
        return retry("invalid", HOME);
    };
    let next = safe_next(form.next.as_deref());
    if form.username.trim().is_empty() || form.password.is_empty() {
        return retry("missing", next);
    }
    let credentials = Credentials {
        username: form.username,
        password: form.password,
    };
    match open_session(state, client, &headers, credentials).await {
        Ok((_, cookie)) => see_other(next, Some(cookie)),
        Err(problem) => {
            let error = match problem.code() {
                401 => "wrong",
                429 => "busy",
                _ => "unavailable",
            };
            retry(error, next)
        }
    }
}

/// After signing out from the form: back to the sign-in page, cookie cleared.
pub(super) fn signed_out(cleared: HeaderValue) -> Response {
    see_other("/staff/login?signed_out=1", Some(cleared))
}

/// `next` when it is a staff page of this site, else the staff home.
fn safe_next(next: Option<&str>) -> &str {
    match next {
        Some(path)
            if (path == HOME || path.starts_with("/staff/") || path.starts_with("/staff?"))
                && !path.contains("//")
                && !path.contains('\\')
                && !path.starts_with("/staff/login") =>
        {
            path
        }
        _ => HOME,
    }
}

fn retry(error: &str, next: &str) -> Response {
    let query = serde_urlencoded::to_string(Retry { error, next }).unwrap_or_default();
    see_other(&format!("/staff/login?{query}"), None)
}

fn see_other(location: &str, cookie: Option<HeaderValue>) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    if let Ok(location) = HeaderValue::from_str(location) {
        headers.insert(header::LOCATION, location);
    }
    if let Some(cookie) = cookie {
        headers.insert(header::SET_COOKIE, cookie);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_staff_pages_of_this_site_are_followed() {
        assert_eq!(safe_next(Some("/staff/kitchen")), "/staff/kitchen");
        assert_eq!(safe_next(Some("/staff?tab=1")), "/staff?tab=1");
        assert_eq!(safe_next(Some("/staff")), "/staff");
        for unsafe_next in [
            "https://evil.example/staff",
            "//evil.example/staff",
            "/staff//evil.example",
            "/\\evil.example",
            "/checkout",
            "/staffroom",
            "/staff/login?error=wrong",
            "",
        ] {
            assert_eq!(safe_next(Some(unsafe_next)), HOME, "{unsafe_next}");
        }
        assert_eq!(safe_next(None), HOME);
    }

    #[test]
    fn a_failed_sign_in_goes_back_with_the_reason_and_the_page() {
        let response = retry("wrong", "/staff/kitchen");
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let location = response.headers()[header::LOCATION].to_str().unwrap();
        assert_eq!(location, "/staff/login?error=wrong&next=%2Fstaff%2Fkitchen");
    }
}
