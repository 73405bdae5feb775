//! The `server` binary: reads configuration from the environment and serves the app.
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
    let app = Application::build(config).await?;
    tracing::info!(address = %app.address(), "Mario's Pizzeria is open");
    app.run_until_stopped().await
}
