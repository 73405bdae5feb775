//! `AddStaffMember`: a manager adds a member of staff. The password is hashed before the
//! transaction opens (a hash takes tens of milliseconds, which no other writer should
//! wait for: the handler is wired outside `Transactional` and opens its own), then the
//! account and `StaffMemberAdded` are stored in one transaction.

use crate::db::{SqlUnitOfWork, transaction};
use crate::events::{now, record, stream_version};
use crate::staff::ANY_ACCOUNT_NAMED;
use crate::staff::commands::{acting_manager, hash_password};
use crate::staff::events::{StaffEvent, StaffMemberAdded};
use crate::staff::members::{find_member, insert_account};
use app::contracts::{AddStaffMember, StaffMember};
use mediator::{Context, Done, FieldError, Outcome, Problem, RequestHandler, Transactional};

/// Handles [`AddStaffMember`]; answers 201 with the account, 409 naming `username` when
/// any account (staff or customer) has it.
pub(crate) struct AddStaffMemberHandler {
    pub unit: Transactional<SqlUnitOfWork>,
}

impl RequestHandler<AddStaffMember> for AddStaffMemberHandler {
    #[tracing::instrument(name = "AddStaffMember", skip_all, fields(username = %command.username))]
    async fn handle(&self, command: AddStaffMember, ctx: &mut Context) -> Outcome<StaffMember> {
        let hash = hash_password(command.password.clone()).await?;
        let begun = self.unit.begin(ctx).await?;
        let stored = store(ctx, &command, hash).await;
        self.unit.end(begun, ctx, "AddStaffMember", stored).await
    }
}

async fn store(ctx: &mut Context, command: &AddStaffMember, hash: String) -> Outcome<StaffMember> {
    let by = acting_manager(ctx);
    let tx = transaction(ctx)?;
    let taken: Option<(String,)> = sqlx::query_as(ANY_ACCOUNT_NAMED)
        .bind(&command.username)
        .fetch_optional(&mut **tx)
        .await
        .map_err(crate::db::DbError::from)?;
    if taken.is_some() {
        let message = "Another account has this username; choose another.";
        return Err(
            Problem::conflict(message).with_errors(vec![FieldError::new("username", message)])
        );
    }
    insert_account(tx, &command.username, command.role, hash).await?;
    let event = StaffEvent::StaffMemberAdded(StaffMemberAdded {
        username: command.username.clone(),
        role: command.role,
        at: now(),
        by,
    });
    let version = stream_version(tx, &crate::events::DomainEvent::stream_id(&event)).await?;
    record(ctx, version, event).await?;
    let member = find_member(&mut **transaction(ctx)?, &command.username).await?;
    let member = member.ok_or_else(|| Problem::internal("the account just added is gone"))?;
    Ok(Done::created(member))
}
