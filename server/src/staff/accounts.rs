//! Staff accounts in the database: created once at start when there are none, and
//! checked at sign-in. `STAFF_ACCOUNTS="name:role:password;..."` names the first
//! accounts; without it one manager with a random password is created and its password
//! written to a file only its owner may read (`STAFF_PASSWORD_FILE`), never to the log.

use crate::db::DbError;
use crate::staff::hashers::Lane;
use crate::staff::members::insert_account;
use crate::staff::passwords;
use anyhow::Context as _;
use app::contracts::{AccountRole, SignedIn, StaffRole};
use sqlx::AnyPool;
use std::io::Write as _;
use std::path::Path;

/// An account to create: name, role and password in clear (only until it is hashed).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct NewAccount {
    pub username: String,
    pub role: StaffRole,
    pub password: String,
}

/// Finds any account, staff or customer, named `$1`: a username is unique among both.
pub(crate) const ANY_ACCOUNT_NAMED: &str = "SELECT username FROM staff_accounts WHERE username = $1 \
     UNION ALL SELECT username FROM customer_accounts WHERE username = $1";

/// Parses `name:role:password;name:role:password`; the password may contain `:`.
pub(crate) fn parse_accounts(spec: &str) -> anyhow::Result<Vec<NewAccount>> {
    spec.split(';')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(|entry| {
            let mut parts = entry.splitn(3, ':');
            let (Some(username), Some(role), Some(password)) =
                (parts.next(), parts.next(), parts.next())
            else {
                anyhow::bail!("STAFF_ACCOUNTS entry {entry:?} is not name:role:password");
            };
            let role = StaffRole::parse(role.trim()).with_context(|| {
                format!("STAFF_ACCOUNTS role {role:?} is not chef, driver or manager")
            })?;
            let username = username.trim().to_owned();
            if username.is_empty() || password.is_empty() {
                anyhow::bail!("STAFF_ACCOUNTS entry {entry:?} has an empty name or password");
            }
            Ok(NewAccount {
                username,
                role,
                password: password.to_owned(),
            })
        })
        .collect()
}

/// Creates the first accounts when the table is empty; does nothing otherwise. Without
/// `spec`, the generated manager's password goes to `password_file`.
pub(crate) async fn bootstrap(
    pool: &AnyPool,
    spec: Option<&str>,
    password_file: &Path,
) -> anyhow::Result<()> {
    let (existing,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM staff_accounts")
        .fetch_one(pool)
        .await
        .context("counting staff accounts")?;
    if existing > 0 {
        return Ok(());
    }
    let accounts = match spec {
        Some(spec) => parse_accounts(spec)?,
        None => vec![generated_manager(password_file)?],
    };
    for account in accounts {
        let hash = passwords::hash(account.password).await?;
        let mut conn = pool.acquire().await.map_err(DbError::from)?;
        insert_account(&mut conn, &account.username, account.role, hash)
            .await
            .with_context(|| format!("creating staff account {:?}", account.username))?;
        tracing::info!(username = %account.username, role = account.role.as_str(), "created a staff account");
    }
    Ok(())
}

/// One manager with a random password, written to `password_file` (created or replaced,
/// readable only by this user): there is no other way to learn it.
fn generated_manager(password_file: &Path) -> anyhow::Result<NewAccount> {
    let password = hex::encode(passwords::random_bytes::<12>()?);
    write_secret(password_file, &password).with_context(|| {
        format!(
            "writing the manager's password to {}",
            password_file.display()
        )
    })?;
    tracing::warn!(
        username = "manager",
        file = %password_file.display(),
        "STAFF_ACCOUNTS is unset: created a manager account; its password is in the file"
    );
    Ok(NewAccount {
        username: "manager".into(),
        role: StaffRole::Manager,
        password,
    })
}

/// Writes `secret` and a newline to `path`, with its folder, as a file only its owner may
/// read or write.
fn write_secret(path: &Path, secret: &str) -> std::io::Result<()> {
    if let Some(folder) = path
        .parent()
        .filter(|folder| !folder.as_os_str().is_empty())
    {
        std::fs::create_dir_all(folder)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    // A file that already existed keeps its mode through `open`: narrow it too.
    #[cfg(unix)]
    file.set_permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600))?;
    writeln!(file, "{secret}")
}

/// The role of the active account named `username`, if there is one.
pub(crate) async fn role_of(pool: &AnyPool, username: &str) -> Result<Option<StaffRole>, DbError> {
    let role: Option<(String,)> = sqlx::query_as(
        "SELECT role FROM staff_accounts WHERE username = $1 AND disabled_at IS NULL",
    )
    .bind(username)
    .fetch_optional(pool)
    .await?;
    role.map(|(role,)| {
        StaffRole::parse(&role).ok_or(DbError::Corrupt {
            column: "staff_accounts.role",
            value: role,
        })
    })
    .transpose()
}

/// The usernames of every active driver account, in order.
pub(crate) async fn drivers(pool: &AnyPool) -> Result<Vec<String>, DbError> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT username FROM staff_accounts WHERE role = $1 AND disabled_at IS NULL \
             ORDER BY username",
    )
    .bind(StaffRole::Driver.as_str())
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|(username,)| username).collect())
}

/// The account named `username`, staff or customer, if `password` is its password,
/// checked in `lane`. Unknown names, disabled staff and wrong passwords take the same
/// time and give the same answer.
pub(crate) async fn check_password(
    pool: &AnyPool,
    username: &str,
    password: String,
    lane: Lane,
) -> anyhow::Result<Option<SignedIn>> {
    let staff: Option<(String, String)> = sqlx::query_as(
        "SELECT role, password_hash FROM staff_accounts \
             WHERE username = $1 AND disabled_at IS NULL",
    )
    .bind(username)
    .fetch_optional(pool)
    .await
    .map_err(DbError::from)?;
    let (account, stored) = match staff {
        Some((role, stored)) => {
            let role = StaffRole::parse(&role).ok_or(DbError::Corrupt {
                column: "staff_accounts.role",
                value: role,
            })?;
            (Some((AccountRole::from(role), None)), Some(stored))
        }
        None => {
            let customer: Option<(String, String)> = sqlx::query_as(
                "SELECT name, password_hash FROM customer_accounts WHERE username = $1",
            )
            .bind(username)
            .fetch_optional(pool)
            .await
            .map_err(DbError::from)?;
            let (name, stored) = customer.unzip();
            (name.map(|name| (AccountRole::Customer, Some(name))), stored)
        }
    };
    if !passwords::verify(password, stored, lane).await? {
        return Ok(None);
    }
    Ok(account.map(|(role, name)| SignedIn {
        username: username.to_owned(),
        role,
        name,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounts_are_read_from_name_role_password_entries() {
        let accounts = parse_accounts("ann:chef:a:b; bob:manager:pw;").unwrap();
        assert_eq!(accounts.len(), 2);
        assert_eq!(
            accounts[0],
            NewAccount {
                username: "ann".into(),
                role: StaffRole::Chef,
                password: "a:b".into(),
            }
        );
        assert_eq!(accounts[1].role, StaffRole::Manager);
    }

    #[test]
    fn an_unknown_role_or_a_missing_password_is_refused() {
        assert!(parse_accounts("ann:owner:pw").is_err());
        assert!(parse_accounts("ann:chef").is_err());
        assert!(parse_accounts("ann:chef:").is_err());
    }
}
