//! The `server` command line: what to do (`serve`, the default; `rebuild-projections`;
//! `check-config`; `staff ...`) and every setting, each a flag that falls back to its
//! environment variable. `server --help` lists them all.

mod flags;
mod staff;

pub use flags::{Flags, LogFormat};
pub use staff::StaffCommand;

use crate::config::{Config, StaffConfig};
use crate::{Application, db};
use anyhow::Context as _;
use clap::{Parser, Subcommand};
use std::io::IsTerminal as _;
use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::EnvFilter;

/// Mario's Pizzeria: the web server, its database and its staff accounts.
#[derive(Debug, Parser)]
#[command(name = "server", version, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub flags: Flags,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What the server is asked to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the site and the API (what `server` alone does).
    Serve,
    /// Rebuild every read model from the event log. Stop the server first.
    RebuildProjections,
    /// Read every setting, connect to the database and bring its schema up to date, then
    /// say what the server would use; a wrong setting fails with what is wrong.
    CheckConfig,
    /// Add, list and change staff accounts.
    #[command(subcommand)]
    Staff(StaffCommand),
}

impl Cli {
    /// Sends log lines to standard output, filtered by `RUST_LOG` (default
    /// `info,sqlx=warn`), as text or JSON (`--log-format`). A thread of their own writes
    /// them, so a slow reader of the output never stalls a request (when it falls far
    /// behind, lines are dropped, not requests); keep the guard until the process ends:
    /// dropping it flushes what is left.
    pub fn init_logging(&self) -> WorkerGuard {
        let (writer, guard) = tracing_appender::non_blocking(std::io::stdout());
        let filter =
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
        let logs = tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(writer)
            .with_ansi(std::io::stdout().is_terminal());
        match self.flags.log_format.unwrap_or(LogFormat::Text) {
            LogFormat::Text => logs.init(),
            LogFormat::Json => logs
                .json()
                .flatten_event(true)
                .with_current_span(true)
                .with_span_list(false)
                .init(),
        }
        guard
    }

    /// Does what the command line asks.
    pub async fn run(self) -> anyhow::Result<()> {
        let config = Config::from_settings(&self.flags).context("reading configuration")?;
        match self.command.unwrap_or(Command::Serve) {
            Command::Serve => {
                let staff = StaffConfig::from_settings(&self.flags)
                    .context("reading staff configuration")?;
                let app = Application::build_with(config, staff).await?;
                tracing::info!(address = %app.address(), "Mario's Pizzeria is open");
                if let Some(address) = app.metrics_address() {
                    tracing::info!(%address, "metrics are served without sign-in");
                }
                app.run_until_stopped().await
            }
            Command::RebuildProjections => {
                let position = Application::rebuild_projections(&config).await?;
                tracing::info!(position, "rebuilt every read model from the event log");
                Ok(())
            }
            Command::CheckConfig => check_config(&self.flags, &config).await,
            Command::Staff(command) => {
                let pool = db::connect(&config.database_url, config.database_timeout).await?;
                command.run(&pool).await
            }
        }
    }
}

/// Reads every setting and connects; prints what the server would use, secrets left out.
async fn check_config(flags: &Flags, config: &Config) -> anyhow::Result<()> {
    let staff = StaffConfig::from_settings(flags).context("reading staff configuration")?;
    db::connect(&config.database_url, config.database_timeout).await?;
    println!(
        "database: {} (reachable, schema up to date)",
        db::redact(&config.database_url)
    );
    println!("listens on: {}", config.address);
    println!("site root: {}", config.site_root);
    println!("kitchen capacity: {} orders", staff.kitchen_capacity);
    match staff.kitchen_max_wait_minutes {
        Some(minutes) => println!("longest wait taken: {minutes} minutes"),
        None => println!("longest wait taken: any"),
    }
    println!(
        "largest order: {} pizzas, {}",
        staff.order_limits.max_pizzas, staff.order_limits.max_total
    );
    println!(
        "staff sessions last: {} h",
        staff.session_ttl.as_secs() / 3600
    );
    println!("secure cookies: {}", staff.https());
    println!(
        "ready while the read models trail by at most: {} s",
        staff.http.ready_max_lag.as_secs()
    );
    println!("the configuration is valid");
    Ok(())
}
