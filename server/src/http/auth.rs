//! Staff sign-in over HTTP: `POST /api/auth/login {username, password}` answers
//! `{username, role}` and sets the session cookie, `POST /api/auth/logout` ends the
//! session and clears it (204), `GET /api/auth/me` answers who is signed in (or 401).
//! The cookie, and how a request's caller is found from it, are in `session.rs`.
//!
//! The same two routes also take a plain HTML form (`application/x-www-form-urlencoded`),
//! which the sign-in page posts, so signing in works before (or without) JavaScript;
//! those answer with redirects instead (see [`form`]).

use crate::http::AppState;
use crate::http::auth_form as form;
use crate::http::client::ClientAddr;
use crate::http::json::ApiJson;
use crate::http::problem::ApiProblem;
use crate::http::session::{Credentials, Sender, open_session, session_cookie, session_token};
use app::contracts::{Caller, StaffUser};
use axum::extract::{FromRequest, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use mediator::Problem;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/auth/login", post(login))
        .route("/auth/logout", post(logout))
        .route("/auth/me", get(me))
}

async fn login(State(state): State<AppState>, request: Request) -> Result<Response, ApiProblem> {
    let client = ClientAddr::of(
        request.extensions(),
        request.headers(),
        &state.trusted_proxies,
    );
    let headers = request.headers().clone();
    if form::is_form(&headers) {
        return Ok(form::login(&state, client, request).await);
    }
    let ApiJson(credentials) = ApiJson::<Credentials>::from_request(request, &state).await?;
    let (user, cookie) = open_session(&state, client, &headers, credentials).await?;
    Ok(([(header::SET_COOKIE, cookie)], Json(user)).into_response())
}

async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiProblem> {
    if let Some(token) = session_token(&headers) {
        state.auth.sign_out(&token).await?;
    }
    let cleared = session_cookie(&state, &headers, "", 0);
    if form::is_form(&headers) {
        return Ok(form::signed_out(cleared));
    }
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cleared)]).into_response())
}

async fn me(sender: Sender) -> Result<Json<StaffUser>, ApiProblem> {
    match sender.caller {
        Caller::Staff(user) => Ok(Json(user)),
        Caller::Anonymous => Err(Problem::unauthorized("Nobody is signed in.").into()),
    }
}
