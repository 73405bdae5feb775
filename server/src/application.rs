//! Start-up: connect the database, build the mediator, bind the listener, serve.

use crate::config::Config;
use crate::http::{AppState, router};
use crate::{db, wiring};
use anyhow::Context as _;
use mediator::MetricsRegistry;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;

/// A server that is bound and ready to serve.
pub struct Application {
    listener: TcpListener,
    address: SocketAddr,
    router: axum::Router,
}

impl Application {
    /// Connects, migrates, seeds, wires the mediator and binds `config.address`
    /// (port 0 picks a free port, which tests use).
    pub async fn build(config: Config) -> anyhow::Result<Self> {
        let pool = db::connect(&config.database_url).await?;
        let metrics = Arc::new(MetricsRegistry::new());
        let sqlite = db::is_sqlite(&config.database_url);
        let mediator = wiring::build_mediator(&pool, sqlite, metrics.clone())
            .context("wiring the mediator")?;
        let listener = TcpListener::bind(config.address)
            .await
            .with_context(|| format!("binding {}", config.address))?;
        let address = listener.local_addr().context("reading the bound address")?;
        let state = AppState {
            mediator,
            metrics,
            leptos_options: config.leptos_options(address),
        };
        Ok(Self {
            listener,
            address,
            router: router(state),
        })
    }

    /// The address actually bound.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Serves until Ctrl-C or SIGTERM, finishing requests in flight.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        axum::serve(self.listener, self.router)
            .with_graceful_shutdown(shutdown_signal())
            .await
            .context("serving HTTP")
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
