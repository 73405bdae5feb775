//! Server functions of the management page's staff section (manager): the accounts,
//! adding one, changing a role or disabling, setting a new password.

#[cfg(feature = "ssr")]
use super::dispatch;
use crate::contracts::{AddStaffMember, ResetStaffPassword, StaffMember, UpdateStaffMember};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

/// Every staff account, by username (manager).
#[server(name = ListStaffCall, prefix = "/api/fn", endpoint = "list_staff", input = Json)]
pub async fn list_staff(seen: u32) -> Result<Vec<StaffMember>, AppError> {
    // `seen` only makes the resource ask again after a change.
    let _ = seen;
    dispatch(crate::contracts::ListStaff).await
}

/// Adds a member of staff (manager).
#[server(name = AddStaffMemberCall, prefix = "/api/fn", endpoint = "add_staff_member", input = Json)]
pub async fn add_staff_member(command: AddStaffMember) -> Result<StaffMember, AppError> {
    dispatch(command).await
}

/// Changes a role, or disables or enables an account (manager).
#[server(name = UpdateStaffMemberCall, prefix = "/api/fn", endpoint = "update_staff_member", input = Json)]
pub async fn update_staff_member(command: UpdateStaffMember) -> Result<StaffMember, AppError> {
    dispatch(command).await
}

/// Sets a member of staff's new password, signing them out everywhere (manager).
#[server(name = ResetStaffPasswordCall, prefix = "/api/fn", endpoint = "reset_staff_password", input = Json)]
pub async fn reset_staff_password(command: ResetStaffPassword) -> Result<StaffMember, AppError> {
    dispatch(command).await
}
