//! `ResetStaffPassword`: a manager gives a member of staff a new password, which signs
//! them out everywhere, and records `StaffPasswordReset`. As with `AddStaffMember`, the
//! password is hashed before the handler opens its transaction.

use crate::db::{DbError, SqlUnitOfWork, transaction};
use crate::events::{DomainEvent, now, record, stream_version};
use crate::staff::commands::{acting_manager, hash_password, no_such_member};
use crate::staff::events::{StaffEvent, StaffPasswordReset};
use crate::staff::members::{end_sessions, find_member};
use app::contracts::{ResetStaffPassword, StaffMember};
use mediator::{Context, Done, Outcome, RequestHandler, Transactional};

/// Handles [`ResetStaffPassword`]; answers 200 with the account, 404 for an unknown
/// username.
pub(crate) struct ResetStaffPasswordHandler {
    pub unit: Transactional<SqlUnitOfWork>,
}

impl RequestHandler<ResetStaffPassword> for ResetStaffPasswordHandler {
    #[tracing::instrument(name = "ResetStaffPassword", skip_all, fields(username = %command.username))]
    async fn handle(&self, command: ResetStaffPassword, ctx: &mut Context) -> Outcome<StaffMember> {
        let hash = hash_password(command.password.clone()).await?;
        let begun = self.unit.begin(ctx).await?;
        let stored = store(ctx, &command.username, hash).await;
        self.unit
            .end(begun, ctx, "ResetStaffPassword", stored)
            .await
    }
}

async fn store(ctx: &mut Context, username: &str, hash: String) -> Outcome<StaffMember> {
    let by = acting_manager(ctx);
    let tx = transaction(ctx)?;
    let updated = sqlx::query("UPDATE staff_accounts SET password_hash = $1 WHERE username = $2")
        .bind(hash)
        .bind(username)
        .execute(&mut **tx)
        .await
        .map_err(DbError::from)?;
    if updated.rows_affected() == 0 {
        return Err(no_such_member(username));
    }
    end_sessions(tx, username).await?;
    let event = StaffEvent::StaffPasswordReset(StaffPasswordReset {
        username: username.to_owned(),
        at: now(),
        by,
    });
    let version = stream_version(tx, &event.stream_id()).await?;
    record(ctx, version, event).await?;
    let member = find_member(&mut **transaction(ctx)?, username).await?;
    Ok(Done::ok(member.ok_or_else(|| no_such_member(username))?))
}
