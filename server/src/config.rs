//! Settings, read once from the environment at start.

use anyhow::Context as _;
use leptos::config::LeptosOptions;
use std::net::SocketAddr;

/// Default database: an SQLite file under `./data`, created when missing.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/pizzeria.db";

/// Everything the server needs to start.
#[derive(Debug, Clone)]
pub struct Config {
    /// `sqlite://path` or `postgres://...`; from `DATABASE_URL`.
    pub database_url: String,
    /// Where to listen; `LEPTOS_SITE_ADDR`, default 127.0.0.1:3000. Port 0 picks a free port.
    pub address: SocketAddr,
    /// Where the compiled site (wasm, js, css, public files) lives; `LEPTOS_SITE_ROOT`.
    pub site_root: String,
}

impl Config {
    /// Reads `DATABASE_URL`, `LEPTOS_SITE_ADDR` and `LEPTOS_SITE_ROOT`.
    pub fn from_env() -> anyhow::Result<Self> {
        let address = std::env::var("LEPTOS_SITE_ADDR").unwrap_or_else(|_| "127.0.0.1:3000".into());
        Ok(Self {
            database_url: std::env::var("DATABASE_URL")
                .unwrap_or_else(|_| DEFAULT_DATABASE_URL.into()),
            address: address
                .parse()
                .with_context(|| format!("LEPTOS_SITE_ADDR {address:?} is not an address"))?,
            site_root: std::env::var("LEPTOS_SITE_ROOT").unwrap_or_else(|_| "target/site".into()),
        })
    }

    /// Leptos' own options, derived from ours; the output name matches the workspace metadata.
    pub(crate) fn leptos_options(&self, address: SocketAddr) -> LeptosOptions {
        LeptosOptions::builder()
            .output_name(std::env::var("LEPTOS_OUTPUT_NAME").unwrap_or_else(|_| "pizzeria".into()))
            .site_root(self.site_root.as_str())
            .site_addr(address)
            .build()
    }
}
