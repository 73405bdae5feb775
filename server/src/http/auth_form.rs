//! Signing up, in and out with a plain HTML form, as `/account/register`,
//! `/account/login` and `/staff/login` post it: the answers are `303 See Other`
//! redirects a browser follows, never JSON. Success goes to the page asked for (only
//! ever a staff page, or a customer's order pages, of this site, so the form cannot be
//! used to send someone elsewhere); failure goes back to the form's page with an `error`
//! code it turns into words.

use crate::http::AppState;
use crate::http::auth::sign_up;
use crate::http::client::ClientAddr;
use crate::http::session::{Credentials, open_session};
use app::contracts::{Caller, RegisterCustomer};
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// Where staff land when they did not ask for a page.
const HOME: &str = "/staff";
/// Where customers land when they did not ask for a page.
const CUSTOMER_HOME: &str = "/orders";

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

/// The query string of the redirect back to a form's page.
#[derive(Serialize)]
struct Retry<'a> {
    error: &'a str,
    next: &'a str,
    /// The fields a sign-up got wrong, comma-separated.
    #[serde(skip_serializing_if = "str::is_empty")]
    fields: &'a str,
}

/// The sign-up form's fields; anything missing is empty, so the rules name it.
#[derive(Deserialize)]
struct SignUpForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    address: Option<String>,
    #[serde(default)]
    next: Option<String>,
}

/// The request's headers and its body decoded as the form `F`; `None` for a body that
/// could not be read or is not such a form.
async fn read_form<F: DeserializeOwned>(
    state: &AppState,
    request: Request,
) -> (HeaderMap, Option<F>) {
    let headers = request.headers().clone();
    let form = match Bytes::from_request(request, state).await {
        Ok(body) => serde_urlencoded::from_bytes::<F>(&body).ok(),
        Err(_) => None,
    };
    (headers, form)
}

/// Signs up from the form: on to the page asked for, signed in, or back to the sign-up
/// page with what went wrong (`invalid` and the fields, `taken_username`,
/// `taken_email`, `busy`).
pub(super) async fn register(state: &AppState, caller: Caller, request: Request) -> Response {
    let (headers, form) = read_form::<SignUpForm>(state, request).await;
    let back = |error: &str, next: &str, fields: &str| {
        let query = serde_urlencoded::to_string(Retry {
            error,
            next,
            fields,
        })
        .unwrap_or_default();
        see_other(&format!("/account/register?{query}"), None)
    };
    let Some(form) = form else {
        return back("invalid", CUSTOMER_HOME, "");
    };
    let next = safe_next(form.next.as_deref());
    let request = RegisterCustomer {
        username: form.username.trim().to_owned(),
        password: form.password,
        name: form.name,
        email: form.email,
        phone: form.phone,
        address: form.address,
    };
    match sign_up(state, caller, &headers, request).await {
        Ok((_, cookie)) => see_other(next, Some(cookie)),
        Err(problem) => {
            let fields: Vec<&str> = problem.errors.iter().map(|e| e.field.as_str()).collect();
            let error = match (problem.code(), fields.first()) {
                (409, Some(&"email")) => "taken_email",
                (409, _) => "taken_username",
                (422, _) => "invalid",
                (429 | 503, _) => "busy",
                _ => "unavailable",
            };
            back(error, next, &fields.join(","))
        }
    }
}

/// Signs in from the form: a redirect to the page asked for, with the session cookie,
/// or back to the sign-in page saying why not.
pub(super) async fn login(state: &AppState, client: ClientAddr, request: Request) -> Response {
    let (headers, form) = read_form::<SignInForm>(state, request).await;
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
        Ok((_, cookies)) => {
            let mut response = see_other(next, None);
            cookies.set_in(response.headers_mut());
            response
        }
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

/// After signing out from the form: back to the customers' or the staff's sign-in
/// page, cookie cleared.
pub(super) fn signed_out(cleared: HeaderValue, customer: bool) -> Response {
    let page = if customer {
        "/account/login"
    } else {
        "/staff/login"
    };
    see_other(&format!("{page}?signed_out=1"), Some(cleared))
}

/// `next` when it is a staff page, or a customer's order, checkout or account page of
/// this site; otherwise the home of whoever asked (a customer's is their orders).
fn safe_next(next: Option<&str>) -> &str {
    let local = |path: &str| !path.contains("//") && !path.contains('\\');
    let under = |path: &str, root: &str| {
        path == root
            || path.starts_with(&format!("{root}/"))
            || path.starts_with(&format!("{root}?"))
    };
    match next {
        Some(path) if local(path) && under(path, HOME) && !path.starts_with("/staff/login") => path,
        Some(path)
            if local(path)
                && (under(path, CUSTOMER_HOME) || path == "/checkout" || path == "/account") =>
        {
            path
        }
        Some(path) if local(path) && path.starts_with("/account") => CUSTOMER_HOME,
        _ => HOME,
    }
}

/// Back to the sign-in page `next` belongs to: the staff's or the customers'.
fn retry(error: &str, next: &str) -> Response {
    let page = if next.starts_with(HOME) {
        "/staff/login"
    } else {
        "/account/login"
    };
    let query = serde_urlencoded::to_string(Retry {
        error,
        next,
        fields: "",
    })
    .unwrap_or_default();
    see_other(&format!("{page}?{query}"), None)
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
            "/staffroom",
            "/staff/login?error=wrong",
            "",
        ] {
            assert_eq!(safe_next(Some(unsafe_next)), HOME, "{unsafe_next}");
        }
        assert_eq!(safe_next(None), HOME);
    }

    #[test]
    fn a_customer_goes_on_to_their_order_pages_and_fails_back_to_their_sign_in() {
        assert_eq!(safe_next(Some("/orders")), "/orders");
        assert_eq!(safe_next(Some("/orders/abc")), "/orders/abc");
        assert_eq!(safe_next(Some("/checkout")), "/checkout");
        assert_eq!(safe_next(Some("/account")), "/account");
        assert_eq!(safe_next(Some("/accounts")), CUSTOMER_HOME);
        assert_eq!(safe_next(Some("/account/login")), CUSTOMER_HOME);
        assert_eq!(safe_next(Some("/ordersx")), HOME);
        assert_eq!(safe_next(Some("/orders//evil.example")), HOME);
        let response = retry("wrong", "/orders");
        let location = response.headers()[header::LOCATION].to_str().unwrap();
        assert_eq!(location, "/account/login?error=wrong&next=%2Forders");
    }

    #[test]
    fn a_failed_sign_in_goes_back_with_the_reason_and_the_page() {
        let response = retry("wrong", "/staff/kitchen");
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let location = response.headers()[header::LOCATION].to_str().unwrap();
        assert_eq!(location, "/staff/login?error=wrong&next=%2Fstaff%2Fkitchen");
    }
}
