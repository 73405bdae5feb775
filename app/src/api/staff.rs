//! Server functions about the signed-in member of staff.

#[cfg(feature = "ssr")]
use super::caller;
use crate::contracts::StaffUser;
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

/// Who is signed in, if anyone: what the staff pages check before showing themselves.
/// It reveals nothing but the caller's own session, so anyone may ask; the commands and
/// queries behind each page are what the mediator's authorization guards.
#[server(name = CurrentStaffCall, prefix = "/api/fn", endpoint = "current_staff", input = Json)]
pub async fn current_staff() -> Result<Option<StaffUser>, AppError> {
    Ok(caller().await?.staff().cloned())
}
