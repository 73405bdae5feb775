//! Staff sign-in over HTTP: `POST /api/auth/login {username, password}` answers
//! `{username, role}` and sets the session cookie, `POST /api/auth/logout` ends the
//! session and clears it (204), `GET /api/auth/me` answers who is signed in (or 401).
//! [`resolve_caller`] turns the cookie into a [`Caller`] once per request, for the REST
//! routes and the server functions alike.
//!
//! The cookie is `HttpOnly` (no script reads it), `SameSite=Lax` (no cross-site POST
//! carries it) and `Secure` when the site is served over https.
//!
//! The same two routes also take a plain HTML form (`application/x-www-form-urlencoded`),
//! which the sign-in page posts, so signing in works before (or without) JavaScript;
//! those answer with redirects instead (see [`form`]).

use crate::http::AppState;
use crate::http::auth_form as form;
use crate::http::json::ApiJson;
use crate::http::problem::ApiProblem;
use crate::staff::SessionToken;
use app::contracts::{Caller, StaffUser};
use axum::extract::{FromRequest, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use mediator::Problem;
use serde::Deserialize;

/// The session cookie's name.
const COOKIE: &str = "pizzeria_session";

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/auth/login", post(login))
        .route("/auth/logout", post(logout))
        .route("/auth/me", get(me))
}

/// The body of `POST /api/auth/login`.
#[derive(Deserialize)]
pub(super) struct Credentials {
    pub(super) username: String,
    pub(super) password: String,
}

async fn login(State(state): State<AppState>, request: Request) -> Result<Response, ApiProblem> {
    let headers = request.headers().clone();
    if form::is_form(&headers) {
        return Ok(form::login(&state, request).await);
    }
    let ApiJson(credentials) = ApiJson::<Credentials>::from_request(request, &state).await?;
    let (user, cookie) = open_session(&state, &headers, credentials).await?;
    Ok(([(header::SET_COOKIE, cookie)], Json(user)).into_response())
}

/// Checks the credentials and opens a session: the user and their `Set-Cookie` value.
pub(super) async fn open_session(
    state: &AppState,
    headers: &HeaderMap,
    credentials: Credentials,
) -> Result<(StaffUser, HeaderValue), Problem> {
    let username = credentials.username.trim();
    let (user, SessionToken(token)) = state.auth.sign_in(username, credentials.password).await?;
    let max_age = state.auth.session_ttl.as_secs();
    Ok((user, cookie(state, headers, &token, max_age)))
}

async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiProblem> {
    if let Some(token) = session_token(&headers) {
        state.auth.sign_out(token).await?;
    }
    let cleared = cookie(&state, &headers, "", 0);
    if form::is_form(&headers) {
        return Ok(form::signed_out(cleared));
    }
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cleared)]).into_response())
}

async fn me(Extension(caller): Extension<Caller>) -> Result<Json<StaffUser>, ApiProblem> {
    match caller {
        Caller::Staff(user) => Ok(Json(user)),
        Caller::Anonymous => Err(Problem::unauthorized("Nobody is signed in.").into()),
    }
}

/// Middleware: puts the request's [`Caller`] in its extensions, anonymous without a
/// live session. Handlers and server functions read it from there. The built files
/// under `/pkg` are routed outside it (`router::built_files`): they are the same for
/// everyone, so a signed-in page's dozen of them cost no session lookups.
pub(crate) async fn resolve_caller(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let token = session_token(request.headers()).map(str::to_owned);
    let caller = match state.auth.caller(token.as_deref()).await {
        Ok(caller) => caller,
        Err(problem) => return ApiProblem(problem).into_response(),
    };
    request.extensions_mut().insert(caller);
    next.run(request).await
}

/// The session token in the request's `Cookie` headers, if any.
fn session_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, value)| *name == COOKIE && !value.is_empty())
        .map(|(_, value)| value)
}

/// The `Set-Cookie` value for `token`, lasting `max_age` seconds (0 clears it).
fn cookie(state: &AppState, headers: &HeaderMap, token: &str, max_age: u64) -> HeaderValue {
    let forwarded_https = headers
        .get("x-forwarded-proto")
        .and_then(|value| value.to_str().ok())
        .is_some_and(|proto| proto.eq_ignore_ascii_case("https"));
    let secure = if state.https || forwarded_https {
        "; Secure"
    } else {
        ""
    };
    let cookie =
        format!("{COOKIE}={token}; HttpOnly; SameSite=Lax; Path=/; Max-Age={max_age}{secure}");
    // The token is hex and the rest is fixed text, so this is always a valid header.
    HeaderValue::from_str(&cookie).unwrap_or_else(|_| HeaderValue::from_static(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_token_is_found_among_other_cookies() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("theme=dark; pizzeria_session=abc123; cart=1"),
        );
        assert_eq!(session_token(&headers), Some("abc123"));
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("pizzeria_session="),
        );
        assert_eq!(session_token(&headers), None);
    }
}
