//! `UpdateStaffMember`: a manager changes a member of staff's role, or disables or
//! enables the account, recording `StaffRoleChanged`, `StaffMemberDisabled` or
//! `StaffMemberEnabled` in the command's transaction. A disabled account's sessions end
//! with it (sessions are looked up at every request, so a role change applies at once
//! too). The last active manager is neither demoted nor disabled.

use crate::db::{DbError, timestamp_text, transaction};
use crate::events::{DomainEvent, now, record, stream_version};
use crate::staff::commands::{acting_manager, no_such_member};
use crate::staff::events::{StaffEvent, StaffMemberDisabled, StaffMemberEnabled, StaffRoleChanged};
use crate::staff::members::{active_managers, end_sessions, find_member};
use app::contracts::{StaffMember, StaffRole, UpdateStaffMember};
use mediator::{Context, Done, Outcome, Problem, RequestHandler};

/// Handles [`UpdateStaffMember`]; answers 200 with the account as it now is, 404 for an
/// unknown username, 409 for the last active manager.
pub(crate) struct UpdateStaffMemberHandler;

impl RequestHandler<UpdateStaffMember> for UpdateStaffMemberHandler {
    #[tracing::instrument(name = "UpdateStaffMember", skip_all, fields(username = %command.username))]
    async fn handle(&self, command: UpdateStaffMember, ctx: &mut Context) -> Outcome<StaffMember> {
        let by = acting_manager(ctx);
        let tx = transaction(ctx)?;
        let username = command.username.as_str();
        let member = find_member(tx, username)
            .await?
            .ok_or_else(|| no_such_member(username))?;
        let role = command.role.filter(|role| *role != member.role);
        let disabled = command
            .disabled
            .filter(|disabled| *disabled != member.disabled);
        let stops_managing = member.role == StaffRole::Manager
            && !member.disabled
            && (role.is_some() || disabled == Some(true));
        if stops_managing && active_managers(tx).await? <= 1 {
            return Err(Problem::conflict(format!(
                "{username} is the last active manager; make another account a manager first."
            )));
        }
        let mut events = Vec::new();
        if let Some(role) = role {
            sqlx::query("UPDATE staff_accounts SET role = $1 WHERE username = $2")
                .bind(role.as_str())
                .bind(username)
                .execute(&mut **tx)
                .await
                .map_err(DbError::from)?;
            let (username, at, by) = (username.to_owned(), now(), by.clone());
            events.push(StaffEvent::StaffRoleChanged(StaffRoleChanged {
                username,
                role,
                at,
                by,
            }));
        }
        if let Some(disabled) = disabled {
            let disabled_at = disabled.then(|| timestamp_text(now()));
            sqlx::query("UPDATE staff_accounts SET disabled_at = $1 WHERE username = $2")
                .bind(disabled_at)
                .bind(username)
                .execute(&mut **tx)
                .await
                .map_err(DbError::from)?;
            let (username, at, by) = (username.to_owned(), now(), by.clone());
            events.push(if disabled {
                end_sessions(tx, &username).await?;
                StaffEvent::StaffMemberDisabled(StaffMemberDisabled { username, at, by })
            } else {
                StaffEvent::StaffMemberEnabled(StaffMemberEnabled { username, at, by })
            });
        }
        for event in events {
            let tx = transaction(ctx)?;
            let version = stream_version(tx, &event.stream_id()).await?;
            record(ctx, version, event).await?;
        }
        let member = find_member(&mut **transaction(ctx)?, username).await?;
        Ok(Done::ok(member.ok_or_else(|| no_such_member(username))?))
    }
}
