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
    GetMyProfile, ListMyNotifications, MarkNotificationRead, NotificationChanged, Profile,
    UpdateMyProfile,
};
use axum::Router;
use axum::extract::Path;
use axum::routing::{get, post};
use mediator::{FieldError, Problem};
use serde::Deserialize;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/customers/{phone}/history", get(customer_history))
        .route("/profile/me/orders", get(send_query::<GetMyOrders>))
        .route(
            "/profile/me/notifications",
            get(send_query::<ListMyNotifications>),
        )
        .route("/profile/me/notifications/{id}/read", post(mark_read))
        .route("/profile/me/notifications/{id}/dismiss", post(dismiss))
        .route(
            "/profile/me",
            get(send_query::<GetMyProfile>).put(update_profile),
        )
}

/// The query string of a history; the phone comes from the path.
#[derive(Deserialize)]
struct HistoryParams {
    #[serde(default)]
    page: Option<u32>,
    #[serde(default)]
    page_size: Option<u32>,
    #[serde(default)]
    min_position: Option<i64>,
}

async fn update_profile(
    sender: Sender,
    ApiJson(command): ApiJson<UpdateMyProfile>,
) -> ApiResult<Profile> {
    sender.send(command).await
}

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

async fn mark_read(sender: Sender, Path(id): Path<String>) -> ApiResult<NotificationChanged> {
    sender
        .send(MarkNotificationRead {
            id: notification_id(&id)?,
        })
        .await
}

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
