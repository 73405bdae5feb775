//! The staff session cookie, and who a request comes from.
//!
//! The cookie is `HttpOnly` (no script reads it), `SameSite=Lax` (no cross-site POST
//! carries it) and, unless `SESSION_COOKIE_SECURE=false` (plain http, on localhost),
//! `Secure` and named with the `__Host-` prefix (no subdomain or plain-http page can set
//! or shadow it). It is read and built with
//! `axum-extra`'s cookie jar. A request's [`Caller`] is looked up from it by the
//! [`Sender`] extractor of the REST routes, by the [`CallerLookup`] server functions are
//! given when they send something, and once before a page renders, for its header
//! (`page_account.rs`; the page's own calls reuse that caller). Static files, and
//! requests without a session cookie, never touch the session store.

use crate::http::AppState;
use crate::http::client::ClientAddr;
use crate::http::problem::ApiProblem;
use crate::staff::{DEVICE_TTL, DeviceToken, SessionToken, StaffAuth};
use app::api::{CallerFuture, CallerLookup};
use app::contracts::{Caller, SignedIn};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use mediator::{Mediator, Problem};
use serde::Deserialize;
use std::sync::Arc;
use tokio::sync::OnceCell;
use utoipa::ToSchema;

/// The session cookie's names: over plain http, and when it is `Secure`.
const SESSION: CookieNames = ("pizzeria_session", "__Host-pizzeria_session");
/// The known-device cookie's (`staff/devices.rs`), likewise.
const DEVICE: CookieNames = ("pizzeria_device", "__Host-pizzeria_device");

/// A cookie's name over plain http, and its name when it is `Secure`.
type CookieNames = (&'static str, &'static str);

/// The session token in the request's cookies, if any.
pub(crate) fn session_token(headers: &HeaderMap) -> Option<String> {
    cookie_value(headers, SESSION)
}

/// The value of the cookie `names` name, under either name, if any.
fn cookie_value(headers: &HeaderMap, (plain, secure): CookieNames) -> Option<String> {
    let jar = CookieJar::from_headers(headers);
    [secure, plain]
        .into_iter()
        .filter_map(|name| jar.get(name))
        .map(|cookie| cookie.value().to_owned())
        .find(|token| !token.is_empty())
}

/// The `Set-Cookie` value for the session `token`, lasting `max_age` seconds (0 clears
/// it).
pub(super) fn session_cookie(
    state: &AppState,
    headers: &HeaderMap,
    token: &str,
    max_age: u64,
) -> HeaderValue {
    cookie(state, headers, SESSION, token, max_age)
}

/// The `Set-Cookie` value of the cookie `names` name, holding `token`.
fn cookie(
    state: &AppState,
    headers: &HeaderMap,
    (plain, secure_name): CookieNames,
    token: &str,
    max_age: u64,
) -> HeaderValue {
    let forwarded_https = headers
        .get("x-forwarded-proto")
        .and_then(|value| value.to_str().ok())
        .is_some_and(|proto| proto.eq_ignore_ascii_case("https"));
    let secure = state.https || forwarded_https;
    let name = if secure { secure_name } else { plain };
    let cookie = Cookie::build((name, token.to_owned()))
        .http_only(true)
        .same_site(SameSite::Lax)
        .path("/")
        .max_age(time::Duration::seconds(
            i64::try_from(max_age).unwrap_or(i64::MAX),
        ))
        .secure(secure)
        .build();
    // The token is hex and the rest is fixed text, so this is always a valid header.
    HeaderValue::from_str(&cookie.to_string()).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// What a sign-in sends: JSON or a plain HTML form.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct Credentials {
    pub(super) username: String,
    pub(super) password: String,
}

/// The `Set-Cookie` values of a sign-in: the session's, and a new device's.
pub(super) struct SignInCookies {
    session: HeaderValue,
    device: Option<HeaderValue>,
}

impl SignInCookies {
    /// Adds each as a `Set-Cookie` header of `headers`.
    pub(super) fn set_in(self, headers: &mut HeaderMap) {
        for cookie in std::iter::once(self.session).chain(self.device) {
            headers.append(header::SET_COOKIE, cookie);
        }
    }
}

/// Checks the credentials and opens a session: the user and the cookies to set. The
/// request's known-device cookie, if any, is passed on (`staff/devices.rs`).
pub(super) async fn open_session(
    state: &AppState,
    client: ClientAddr,
    headers: &HeaderMap,
    credentials: Credentials,
) -> Result<(SignedIn, SignInCookies), Problem> {
    let username = credentials.username.trim();
    let device = cookie_value(headers, DEVICE);
    let signed_in = state
        .auth
        .sign_in(client.0, username, credentials.password, device.as_deref())
        .await?;
    let SessionToken(token) = signed_in.session;
    let cookies = SignInCookies {
        session: cookie_for(state, headers, &token),
        device: signed_in.new_device.map(|DeviceToken(device)| {
            cookie(state, headers, DEVICE, &device, DEVICE_TTL.as_secs())
        }),
    };
    Ok((signed_in.user, cookies))
}

/// The `Set-Cookie` value of a session just opened with `token`.
pub(super) fn cookie_for(state: &AppState, headers: &HeaderMap, token: &str) -> HeaderValue {
    session_cookie(state, headers, token, state.auth.session_ttl.as_secs())
}

/// The extractor every REST route that sends something starts with: the request's
/// caller, looked up from its session cookie, and the mediator to send through.
pub(crate) struct Sender {
    pub mediator: Mediator,
    pub caller: Caller,
}

impl FromRequestParts<AppState> for Sender {
    type Rejection = ApiProblem;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiProblem> {
        let token = session_token(&parts.headers);
        let caller = state.auth.caller(token.as_deref()).await?;
        Ok(Sender {
            mediator: state.mediator.clone(),
            caller,
        })
    }
}

/// A [`CallerLookup`] for one page or server function call: it looks the session up the
/// first time something is dispatched, and answers the same caller after that. A page
/// whose caller the page middleware already found (`page_account.rs`) uses that one.
pub(super) fn caller_lookup(auth: StaffAuth) -> CallerLookup {
    let found: Arc<OnceCell<Caller>> = Arc::default();
    CallerLookup(Arc::new(move |parts: &Parts| -> CallerFuture {
        if let Some(caller) = parts.extensions.get::<Caller>() {
            let caller = caller.clone();
            return Box::pin(async move { Ok(caller) });
        }
        let token = session_token(&parts.headers);
        let (auth, found) = (auth.clone(), found.clone());
        Box::pin(async move {
            found
                .get_or_try_init(|| auth.caller(token.as_deref()))
                .await
                .cloned()
        })
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_token_is_found_among_other_cookies() {
        let mut headers = HeaderMap::new();
        headers.insert(
            axum::http::header::COOKIE,
            HeaderValue::from_static("theme=dark; pizzeria_session=abc123; cart=1"),
        );
        assert_eq!(session_token(&headers).as_deref(), Some("abc123"));
        headers.insert(
            axum::http::header::COOKIE,
            HeaderValue::from_static("pizzeria_session="),
        );
        assert_eq!(session_token(&headers), None);
    }
}
