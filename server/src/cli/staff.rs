//! `server staff add|list|set-password|disable|enable`: staff accounts from the server's machine. A
//! password is read from standard input, never from the command line, where other users
//! of the machine and the shell's history would see it.

use crate::staff::admin;
use anyhow::Context as _;
use app::contracts::StaffRole;
use clap::{Subcommand, ValueEnum};
use sqlx::AnyPool;
use std::io::{BufRead, IsTerminal, Write};

/// What to do to staff accounts.
#[derive(Debug, Subcommand)]
pub enum StaffCommand {
    /// Add a staff account; its password is read from standard input.
    Add {
        /// 3 to 32 of a-z 0-9 . _ -, not taken by any account.
        username: String,
        /// What the account may do.
        #[arg(long, value_enum)]
        role: Role,
    },
    /// List the staff accounts: username, role, created, and `disabled` with when.
    List,
    /// Set an account's password, read from standard input; its sessions end.
    SetPassword {
        /// The account.
        username: String,
    },
    /// Disable an account: it can no longer sign in and its sessions end. The last
    /// active manager cannot be disabled.
    Disable {
        /// The account.
        username: String,
    },
    /// Let a disabled account sign in again, with its password.
    Enable {
        /// The account.
        username: String,
    },
}

/// A staff role, as the command line names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Role {
    Chef,
    Driver,
    Manager,
}

impl From<Role> for StaffRole {
    fn from(role: Role) -> Self {
        match role {
            Role::Chef => StaffRole::Chef,
            Role::Driver => StaffRole::Driver,
            Role::Manager => StaffRole::Manager,
        }
    }
}

impl StaffCommand {
    /// Does it on the database behind `pool`.
    pub(crate) async fn run(self, pool: &AnyPool) -> anyhow::Result<()> {
        match self {
            Self::Add { username, role } => {
                let password = read_password()?;
                admin::add(pool, &username, role.into(), password).await?;
                println!(
                    "added {} account {username:?}",
                    StaffRole::from(role).as_str()
                );
            }
            Self::List => {
                for account in admin::list(pool).await? {
                    let status = match &account.disabled_at {
                        Some(at) => format!("\tdisabled {at}"),
                        None => String::new(),
                    };
                    println!(
                        "{}\t{}\t{}{status}",
                        account.username,
                        account.role.as_str(),
                        account.created_at
                    );
                }
            }
            Self::SetPassword { username } => {
                let password = read_password()?;
                admin::set_password(pool, &username, password).await?;
                println!("set the password of {username:?}; its sessions have ended");
            }
            Self::Disable { username } => {
                admin::disable(pool, &username).await?;
                println!("disabled {username:?}; its sessions have ended");
            }
            Self::Enable { username } => {
                admin::enable(pool, &username).await?;
                println!("enabled {username:?}");
            }
        }
        Ok(())
    }
}

/// The first line of standard input, without its line ending.
fn read_password() -> anyhow::Result<String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("Password (10 to 128 characters; it shows as you type): ");
        std::io::stderr().flush().ok();
    }
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .context("reading the password from standard input")?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    anyhow::ensure!(!password.is_empty(), "no password on standard input");
    Ok(password)
}
