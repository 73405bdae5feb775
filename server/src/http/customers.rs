//! REST routes of customers: `GET /api/customers/{phone}/history?page=&page_size=` (staff
//! only), `GET /api/profile/me/orders?page=&page_size=` (the signed-in customer's own),
//! `GET /api/profile/me` (anyone signed in) and `PUT /api/profile/me` (a customer).

use crate::http::AppState;
use crate::http::json::ApiJson;
use crate::http::query::ApiQuery;
use crate::http::reply::ApiResult;
use crate::http::reply::send_query;
use crate::http::session::Sender;
use app::contracts::{
    CustomerHistory, DEFAULT_PAGE_SIZE, GetCustomerHistory, GetMyOrders, GetMyProfile, Profile,
    UpdateMyProfile,
};
use axum::extract::Path;
use axum::{Router, routing::get};
use serde::Deserialize;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/customers/{phone}/history", get(customer_history))
        .route("/profile/me/orders", get(send_query::<GetMyOrders>))
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
