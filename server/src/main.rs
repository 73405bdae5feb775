//! The `server` binary: reads configuration from the environment and serves the app
//! (`server` or `server serve`), or rebuilds the read models (`server rebuild-projections`).
#![forbid(unsafe_code)]

use anyhow::Context as _;
use server::{Application, Config};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .init();
    let config = Config::from_env().context("reading configuration")?;
    match std::env::args().nth(1).as_deref() {
        None | Some("serve") => {}
        Some("rebuild-projections") => {
            let position = Application::rebuild_projections(&config).await?;
            tracing::info!(position, "rebuilt every read model from the event log");
            return Ok(());
        }
        Some(other) => anyhow::bail!(
            "unknown command {other:?}; use `serve` (default) or `rebuild-projections`"
        ),
    }
    let app = Application::build(config).await?;
    tracing::info!(address = %app.address(), "Mario's Pizzeria is open");
    app.run_until_stopped().await
}
