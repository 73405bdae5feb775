//! What an operator does to staff accounts from the server's machine (`server staff
//! add|list|set-password|disable|enable`): the rules are those of a customer's sign-up (a
//! username of 3 to 32 of `a-z 0-9 . _ -`, unique among every account; a password of 10
//! to 128 characters that is not the username). A disabled account cannot sign in, has no
//! session, and is no driver an order can go out with.

use crate::db::{DbError, timestamp_text};
use crate::events::now;
use crate::staff::members::{self, active_managers, insert_account};
use crate::staff::{ANY_ACCOUNT_NAMED, passwords};
use anyhow::Context as _;
use app::contracts::{StaffRole, password_error, username_error};
use sqlx::{Any, AnyPool, Transaction};

/// A staff account as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffAccount {
    pub username: String,
    pub role: StaffRole,
    pub created_at: String,
    /// When it was disabled; `None` while it is active.
    pub disabled_at: Option<String>,
}

/// Creates the account `username` with `role` and `password`; refuses a taken or
/// malformed username and a weak password.
pub(crate) async fn add(
    pool: &AnyPool,
    username: &str,
    role: StaffRole,
    password: String,
) -> anyhow::Result<()> {
    if let Some(problem) = username_error(username) {
        anyhow::bail!("username {username:?}: {problem}");
    }
    if let Some(problem) = password_error(&password, username) {
        anyhow::bail!("password: {problem}");
    }
    let taken: Option<(String,)> = sqlx::query_as(ANY_ACCOUNT_NAMED)
        .bind(username)
        .fetch_optional(pool)
        .await
        .context("looking the username up")?;
    if taken.is_some() {
        anyhow::bail!("username {username:?} is taken by another account");
    }
    let hash = passwords::hash(password).await?;
    let mut conn = pool.acquire().await.context("connecting")?;
    insert_account(&mut conn, username, role, hash)
        .await
        .with_context(|| format!("creating staff account {username:?}"))?;
    Ok(())
}

/// Every staff account, by username.
pub(crate) async fn list(pool: &AnyPool) -> Result<Vec<StaffAccount>, DbError> {
    let rows: Vec<(String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT username, role, created_at, disabled_at FROM staff_accounts ORDER BY username",
    )
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(username, role, created_at, disabled_at)| {
            let role = StaffRole::parse(&role).ok_or(DbError::Corrupt {
                column: "staff_accounts.role",
                value: role,
            })?;
            Ok(StaffAccount {
                username,
                role,
                created_at,
                disabled_at,
            })
        })
        .collect()
}

/// Gives `username` a new password and ends every session it has, so that whoever held
/// the old one is signed out.
pub(crate) async fn set_password(
    pool: &AnyPool,
    username: &str,
    password: String,
) -> anyhow::Result<()> {
    if let Some(problem) = password_error(&password, username) {
        anyhow::bail!("password: {problem}");
    }
    let hash = passwords::hash(password).await?;
    let mut tx = pool.begin().await.context("starting the change")?;
    let updated = sqlx::query("UPDATE staff_accounts SET password_hash = $1 WHERE username = $2")
        .bind(hash)
        .bind(username)
        .execute(&mut *tx)
        .await
        .context("storing the password")?;
    if updated.rows_affected() == 0 {
        anyhow::bail!("there is no staff account {username:?}");
    }
    end_sessions(tx, username).await
}

/// Disables `username` and ends its sessions; refuses the last active manager, whom
/// nobody could replace from the site. Disabling a disabled account changes nothing.
pub(crate) async fn disable(pool: &AnyPool, username: &str) -> anyhow::Result<()> {
    let mut tx = pool.begin().await.context("starting the change")?;
    let account: Option<(String, Option<String>)> =
        sqlx::query_as("SELECT role, disabled_at FROM staff_accounts WHERE username = $1")
            .bind(username)
            .fetch_optional(&mut *tx)
            .await
            .context("looking the account up")?;
    let Some((role, disabled_at)) = account else {
        anyhow::bail!("there is no staff account {username:?}");
    };
    if disabled_at.is_some() {
        return Ok(());
    }
    if role == StaffRole::Manager.as_str() {
        let managers = active_managers(&mut tx)
            .await
            .context("counting the active managers")?;
        anyhow::ensure!(
            managers > 1,
            "{username:?} is the last active manager; add or enable another one first"
        );
    }
    sqlx::query("UPDATE staff_accounts SET disabled_at = $1 WHERE username = $2")
        .bind(timestamp_text(now()))
        .bind(username)
        .execute(&mut *tx)
        .await
        .context("disabling the account")?;
    end_sessions(tx, username).await
}

/// Lets a disabled `username` sign in again, with the password it had.
pub(crate) async fn enable(pool: &AnyPool, username: &str) -> anyhow::Result<()> {
    let updated = sqlx::query("UPDATE staff_accounts SET disabled_at = NULL WHERE username = $1")
        .bind(username)
        .execute(pool)
        .await
        .context("enabling the account")?;
    anyhow::ensure!(
        updated.rows_affected() == 1,
        "there is no staff account {username:?}"
    );
    Ok(())
}

/// Ends every session of `username`, forgets its known devices (a new password or a
/// disabled account trusts no browser from before), and commits the change `tx` holds.
async fn end_sessions(mut tx: Transaction<'_, Any>, username: &str) -> anyhow::Result<()> {
    members::end_sessions(&mut tx, username)
        .await
        .context("ending the account's sessions")?;
    tx.commit().await.context("committing the change")?;
    Ok(())
}
