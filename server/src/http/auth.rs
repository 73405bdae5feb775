//! Sign-up and sign-in over HTTP, for staff and customers alike:
//! `POST /api/auth/register {username, password, name, email, phone, address?}` creates a
//! customer account and signs it in (201), `POST /api/auth/login {username, password}`
//! answers `{username, role, name?}` and sets the session cookie, `POST /api/auth/logout`
//! ends the session and clears it (204), `GET /api/auth/me` answers who is signed in
//! (or 401).
//! The cookie, and how a request's caller is found from it, are in `session.rs`.
//!
//! The same two routes also take a plain HTML form (`application/x-www-form-urlencoded`),
//! which the sign-in page posts, so signing in works before (or without) JavaScript;
//! those answer with redirects instead (see [`form`]).

use crate::customers::CreateCustomerAccount;
use crate::http::AppState;
use crate::http::auth_form as form;
use crate::http::client::ClientAddr;
use crate::http::json::ApiJson;
use crate::http::problem::ApiProblem;
use crate::http::session::{
    Credentials, Sender, cookie_for, open_session, session_cookie, session_token,
};
use crate::staff::SessionToken;
use app::contracts::{AccountRole, Caller, RegisterCustomer, SignedIn, normalized_email};
use axum::Json;
use axum::extract::{FromRequest, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use mediator::{Context, Problem, Request as _};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(register))
        .routes(routes!(login))
        .routes(routes!(logout))
        .routes(routes!(me))
}

/// Signs in a member of staff or a customer and sets the session cookie. The sign-in
/// page posts the same route as an HTML form, which is answered with a 303 instead.
#[utoipa::path(post, path = "/auth/login", tag = "accounts", request_body = Credentials,
    responses((status = 200, description = "Signed in; `Set-Cookie` holds the session.",
        body = SignedIn),
        (status = 401, description = "Wrong username or password."),
        (status = 303, description = "A form post: on to the page it came from.")))]
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
    let (user, cookies) = open_session(&state, client, &headers, credentials).await?;
    let mut response = Json(user).into_response();
    cookies.set_in(response.headers_mut());
    Ok(response)
}

/// Ends the session, if any, and clears its cookie.
#[utoipa::path(post, path = "/auth/logout", tag = "accounts",
    responses((status = 204, description = "Signed out."),
        (status = 303, description = "A form post: on to the home or sign-in page.")))]
async fn logout(
    State(state): State<AppState>,
    sender: Sender,
    headers: HeaderMap,
) -> Result<Response, ApiProblem> {
    if let Some(token) = session_token(&headers) {
        state.auth.sign_out(&token).await?;
    }
    let cleared = session_cookie(&state, &headers, "", 0);
    if form::is_form(&headers) {
        let customer = sender.caller.customer().is_some();
        return Ok(form::signed_out(cleared, customer));
    }
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cleared)]).into_response())
}

/// Creates a customer account and signs it in.
#[utoipa::path(post, path = "/auth/register", tag = "accounts", request_body = RegisterCustomer,
    responses((status = 201, description = "Created and signed in; `Set-Cookie` holds \
        the session.", body = SignedIn),
        (status = 409, description = "The username or email is taken."),
        (status = 303, description = "A form post: on to the account or back to the form.")))]
async fn register(
    State(state): State<AppState>,
    sender: Sender,
    request: Request,
) -> Result<Response, ApiProblem> {
    let headers = request.headers().clone();
    if form::is_form(&headers) {
        return Ok(form::register(&state, sender.caller, request).await);
    }
    let ApiJson(request) = ApiJson::<RegisterCustomer>::from_request(request, &state).await?;
    let (user, cookie) = sign_up(&state, sender.caller, &headers, request).await?;
    Ok((
        StatusCode::CREATED,
        [(header::SET_COOKIE, cookie)],
        Json(user),
    )
        .into_response())
}

/// Signs up a customer: the contract's rules first, then the slow password hash, then
/// the account is written (`CreateCustomerAccount`) and a session opened for it. The
/// account and its `Set-Cookie` value.
pub(super) async fn sign_up(
    state: &AppState,
    caller: Caller,
    headers: &HeaderMap,
    request: RegisterCustomer,
) -> Result<(SignedIn, HeaderValue), Problem> {
    request.validate().map_err(Problem::validation)?;
    let password_hash = state.auth.hash_new_password(request.password).await?;
    let command = CreateCustomerAccount {
        username: request.username,
        password_hash,
        name: request.name,
        email: normalized_email(&request.email),
        phone: request.phone,
        address: request.address,
    };
    let created = state
        .mediator
        .send_with(command, Context::new().with(caller))
        .await?;
    let user = created.value;
    let SessionToken(token) = state.auth.open_session(&user).await?;
    Ok((user, cookie_for(state, headers, &token)))
}

/// Who is signed in.
#[utoipa::path(get, path = "/auth/me", tag = "accounts",
    responses((status = 200, description = "The signed-in account.", body = SignedIn),
        (status = 401, description = "Nobody is signed in.")))]
async fn me(sender: Sender) -> Result<Json<SignedIn>, ApiProblem> {
    match sender.caller {
        Caller::Staff(user) => Ok(Json(SignedIn {
            username: user.username,
            role: user.role.into(),
            name: None,
        })),
        Caller::Customer(user) => Ok(Json(SignedIn {
            username: user.username,
            role: AccountRole::Customer,
            name: Some(user.name),
        })),
        Caller::Anonymous => Err(Problem::unauthorized("Nobody is signed in.").into()),
    }
}
