//! REST routes of customers: `GET /api/customers/{phone}/history?page=&page_size=` (staff
//! only), `GET /api/profile/me/orders?page=&page_size=` (the signed-in customer's own),
//! `GET /api/profile/me` (anyone signed in), `PUT /api/profile/me` (a customer), and a
//! customer's inbox: `GET /api/profile/me/notifications?min_position=`,
//! `POST /api/profile/me/notifications/{id}/read` and `.../{id}/dismiss`.

use crate::http::AppState;
use crate::http::json::ApiJson;
use crate::http::problem::ApiProblem;
use crate::http::query::ApiQuery;
use crate::http::reply::ApiResult;
use crate::http::reply::send_query;
use crate::http::session::Sender;
use app::contracts::{
    CustomerHistory, DEFAULT_PAGE_SIZE, DismissNotification, GetCustomerHistory, GetMyOrders,
    GetMyProfile, Inbox, ListMyNotifications, MarkNotificationRead, NotificationChanged, Profile,
    UpdateMyProfile,
};
use axum::extract::Path;
use mediator::{FieldError, Problem};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(customer_history))
        .routes(routes!(my_orders))
        .routes(routes!(my_notifications))
        .routes(routes!(mark_read))
        .routes(routes!(dismiss))
        .routes(routes!(my_profile, update_profile))
}

/// The query string of a history; the phone comes from the path.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct HistoryParams {
    /// From 1 (the default).
    #[serde(default)]
    page: Option<u32>,
    /// Orders per page.
    #[serde(default)]
    page_size: Option<u32>,
    /// Wait (at most 2 s) until the read models include this event position.
    #[serde(default)]
    min_position: Option<i64>,
}

/// The signed-in customer's own orders, newest first.
#[utoipa::path(get, path = "/profile/me/orders", tag = "customers", params(GetMyOrders),
    responses((status = 200, description = "A page of their orders.", body = CustomerHistory)),
    security(("session" = [])))]
async fn my_orders(sender: Sender, query: ApiQuery<GetMyOrders>) -> ApiResult<CustomerHistory> {
    send_query(sender, query).await
}

/// The signed-in customer's notifications, newest first.
#[utoipa::path(get, path = "/profile/me/notifications", tag = "customers",
    params(ListMyNotifications),
    responses((status = 200, description = "Their inbox.", body = Inbox)),
    security(("session" = [])))]
async fn my_notifications(
    sender: Sender,
    query: ApiQuery<ListMyNotifications>,
) -> ApiResult<Inbox> {
    send_query(sender, query).await
}

/// The signed-in account's profile (a member of staff has only a name).
#[utoipa::path(get, path = "/profile/me", tag = "customers", params(GetMyProfile),
    responses((status = 200, description = "Their profile.", body = Profile)),
    security(("session" = [])))]
async fn my_profile(sender: Sender, query: ApiQuery<GetMyProfile>) -> ApiResult<Profile> {
    send_query(sender, query).await
}

/// Changes the signed-in customer's name, email, phone or address.
#[utoipa::path(put, path = "/profile/me", tag = "customers", request_body = UpdateMyProfile,
    responses((status = 200, description = "The profile as it is now.", body = Profile),
        (status = 409, description = "The email belongs to another account.")),
    security(("session" = [])))]
async fn update_profile(
    sender: Sender,
    ApiJson(command): ApiJson<UpdateMyProfile>,
) -> ApiResult<Profile> {
    sender.send(command).await
}

/// A customer's orders and favourite pizzas, found by phone number (staff).
#[utoipa::path(get, path = "/customers/{phone}/history", tag = "customers",
    params(("phone" = String, Path, description = "As the customer typed it; only the \
        digits count."), HistoryParams),
    responses((status = 200, description = "Their history.", body = CustomerHistory)),
    security(("session" = [])))]
async fn customer_history(
    sender: Sender,
    Path(phone): Path<String>,
    ApiQuery(params): ApiQuery<HistoryParams>,
) -> ApiResult<CustomerHistory> {
    let query = GetCustomerHistory {
        phone,
        page: params.page.unwrap_or(1),
        page_size: params.page_size.unwrap_or(DEFAULT_PAGE_SIZE),
        min_position: params.min_position,
    };
    sender.send(query).await
}

/// Marks one of the signed-in customer's notifications read.
#[utoipa::path(post, path = "/profile/me/notifications/{id}/read", tag = "customers",
    params(("id" = i64, Path, description = "The notification's id.")),
    responses((status = 200, description = "Read.", body = NotificationChanged)),
    security(("session" = [])))]
async fn mark_read(sender: Sender, Path(id): Path<String>) -> ApiResult<NotificationChanged> {
    sender
        .send(MarkNotificationRead {
            id: notification_id(&id)?,
        })
        .await
}

/// Dismisses one of the signed-in customer's notifications.
#[utoipa::path(post, path = "/profile/me/notifications/{id}/dismiss", tag = "customers",
    params(("id" = i64, Path, description = "The notification's id.")),
    responses((status = 200, description = "Dismissed.", body = NotificationChanged)),
    security(("session" = [])))]
async fn dismiss(sender: Sender, Path(id): Path<String>) -> ApiResult<NotificationChanged> {
    sender
        .send(DismissNotification {
            id: notification_id(&id)?,
        })
        .await
}

/// The notification id of a path: a whole number, or 400 naming the field.
fn notification_id(raw: &str) -> Result<i64, ApiProblem> {
    raw.parse().map_err(|_| {
        let error = FieldError::new("id", "A notification id is a whole number such as 42.");
        ApiProblem(
            Problem::bad_request("The notification id is malformed.").with_errors(vec![error]),
        )
    })
}
