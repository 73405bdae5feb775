//! REST routes of the menu: `GET /api/menu[?category=]`.

use crate::http::AppState;
use crate::http::problem::ApiProblem;
use crate::http::reply::{ApiResult, send};
use app::contracts::{GetMenu, MenuItem};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::{Router, routing::get};
use mediator::Problem;

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/menu", get(get_menu))
}

async fn get_menu(
    State(state): State<AppState>,
    query: Result<Query<GetMenu>, QueryRejection>,
) -> ApiResult<Vec<MenuItem>> {
    let Query(query) = query.map_err(|rejection| {
        ApiProblem(Problem::bad_request(format!(
            "The query string is invalid: {}",
            rejection.body_text()
        )))
    })?;
    send(&state, query).await
}
