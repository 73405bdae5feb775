//! The staff accounts table as the manager's commands and queries read and change it,
//! in the command's transaction: one account, the active managers, the sessions to end.

use crate::db::{DbError, corrupt, timestamp, timestamp_text};
use crate::events::now;
use app::contracts::{StaffMember, StaffRole};
use sqlx::AnyConnection;

/// Columns of a [`StaffMember`], in the order [`member`] reads them.
const MEMBER_COLUMNS: &str = "username, role, disabled_at, created_at";

type MemberRow = (String, String, Option<String>, String);

/// The account `username`, if there is one.
pub(crate) async fn find_member(
    conn: &mut AnyConnection,
    username: &str,
) -> Result<Option<StaffMember>, DbError> {
    let sql = format!("SELECT {MEMBER_COLUMNS} FROM staff_accounts WHERE username = $1");
    let row: Option<MemberRow> = sqlx::query_as(&sql)
        .bind(username)
        .fetch_optional(conn)
        .await?;
    row.map(member).transpose()
}

/// Every account, by username.
pub(crate) async fn all_members(conn: &mut AnyConnection) -> Result<Vec<StaffMember>, DbError> {
    let sql = format!("SELECT {MEMBER_COLUMNS} FROM staff_accounts ORDER BY username");
    let rows: Vec<MemberRow> = sqlx::query_as(&sql).fetch_all(conn).await?;
    rows.into_iter().map(member).collect()
}

fn member((username, role, disabled_at, created_at): MemberRow) -> Result<StaffMember, DbError> {
    Ok(StaffMember {
        role: StaffRole::parse(&role).ok_or_else(|| corrupt("staff_accounts.role", &role))?,
        disabled: disabled_at.is_some(),
        created_at: timestamp("staff_accounts.created_at", &created_at)?,
        username,
    })
}

/// Stores a new account, created now: the one insert of the site's, the command line's
/// and the first start's accounts.
pub(crate) async fn insert_account(
    conn: &mut AnyConnection,
    username: &str,
    role: StaffRole,
    password_hash: String,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO staff_accounts (username, role, password_hash, created_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(username)
    .bind(role.as_str())
    .bind(password_hash)
    .bind(timestamp_text(now()))
    .execute(conn)
    .await?;
    Ok(())
}

/// How many managers can sign in.
pub(crate) async fn active_managers(conn: &mut AnyConnection) -> Result<i64, DbError> {
    let (managers,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM staff_accounts WHERE role = $1 AND disabled_at IS NULL",
    )
    .bind(StaffRole::Manager.as_str())
    .fetch_one(conn)
    .await?;
    Ok(managers)
}

/// Ends every session of `username` and forgets its known devices: whoever held the old
/// password, or the account now disabled, is signed out at their next request.
pub(crate) async fn end_sessions(conn: &mut AnyConnection, username: &str) -> Result<(), DbError> {
    for sql in [
        "DELETE FROM staff_sessions WHERE username = $1",
        "DELETE FROM known_devices WHERE username = $1",
    ] {
        sqlx::query(sql).bind(username).execute(&mut *conn).await?;
    }
    Ok(())
}
