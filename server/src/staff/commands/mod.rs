//! The manager's commands on staff accounts, one handler per file, and what they share.

mod add_staff_member;
mod reset_staff_password;
#[cfg(test)]
mod tests;
mod update_staff_member;

use crate::staff::passwords;
use app::contracts::Caller;
use mediator::{Context, Problem};

pub(crate) use add_staff_member::AddStaffMemberHandler;
pub(crate) use reset_staff_password::ResetStaffPasswordHandler;
pub(crate) use update_staff_member::UpdateStaffMemberHandler;

/// The manager sending the command, for the events.
fn acting_manager(ctx: &Context) -> Option<String> {
    ctx.get::<Caller>()
        .and_then(Caller::staff)
        .map(|staff| staff.username.clone())
}

/// The password's hash, made on the hasher threads; the cause of a failure is logged,
/// never answered.
async fn hash_password(password: String) -> Result<String, Problem> {
    passwords::hash(password).await.map_err(|error| {
        tracing::error!(
            error = format!("{error:#}"),
            "hashing a staff password failed"
        );
        Problem::internal(error.into_boxed_dyn_error())
    })
}

fn no_such_member(username: &str) -> Problem {
    Problem::not_found(format!("No member of staff has the username {username}."))
}
