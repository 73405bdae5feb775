//! REST routes of staff accounts, for managers: `GET /api/staff`, `POST /api/staff`,
//! `PUT /api/staff/{username}` (role, disabled) and `POST /api/staff/{username}/password`.

use crate::http::AppState;
use crate::http::json::ApiJson;
use crate::http::reply::ApiResult;
use crate::http::session::Sender;
use app::contracts::{
    AddStaffMember, ListStaff, ResetStaffPassword, StaffMember, UpdateStaffMember,
};
use axum::extract::Path;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_staff, add_staff_member))
        .routes(routes!(update_staff_member))
        .routes(routes!(reset_staff_password))
}

/// Every staff account, by username (managers).
#[utoipa::path(get, path = "/staff", tag = "staff",
    responses((status = 200, description = "The accounts.", body = Vec<StaffMember>)),
    security(("session" = [])))]
async fn list_staff(sender: Sender) -> ApiResult<Vec<StaffMember>> {
    sender.send(ListStaff).await
}

/// Adds a member of staff (managers).
#[utoipa::path(post, path = "/staff", tag = "staff", request_body = AddStaffMember,
    responses((status = 201, description = "Added.", body = StaffMember),
        (status = 409, description = "Another account has the username.")),
    security(("session" = [])))]
async fn add_staff_member(
    sender: Sender,
    ApiJson(command): ApiJson<AddStaffMember>,
) -> ApiResult<StaffMember> {
    sender.send(command).await
}

/// Changes a member of staff's role, or disables (signing them out at once) or enables
/// their account (managers).
#[utoipa::path(put, path = "/staff/{username}", tag = "staff", request_body = UpdateStaffMember,
    params(("username" = String, Path, description = "The account's username.")),
    responses((status = 200, description = "The account as it now is.", body = StaffMember),
        (status = 404, description = "No such account."),
        (status = 409, description = "The last active manager.")),
    security(("session" = [])))]
async fn update_staff_member(
    sender: Sender,
    Path(username): Path<String>,
    ApiJson(command): ApiJson<UpdateStaffMember>,
) -> ApiResult<StaffMember> {
    sender
        .send(UpdateStaffMember {
            username,
            ..command
        })
        .await
}

/// Gives a member of staff a new password, signing them out everywhere (managers).
#[utoipa::path(post, path = "/staff/{username}/password", tag = "staff",
    request_body = ResetStaffPassword,
    params(("username" = String, Path, description = "The account's username.")),
    responses((status = 200, description = "The account.", body = StaffMember),
        (status = 404, description = "No such account.")),
    security(("session" = [])))]
async fn reset_staff_password(
    sender: Sender,
    Path(username): Path<String>,
    ApiJson(command): ApiJson<ResetStaffPassword>,
) -> ApiResult<StaffMember> {
    sender
        .send(ResetStaffPassword {
            username,
            ..command
        })
        .await
}
