//! Start-up: connect the database, build the mediator, bind the listener, serve.

use crate::config::{Config, StaffConfig};
use crate::db::{self, Backend, Writer};
use crate::health::Readiness;
use crate::hours::ShopClock;
use crate::http::{AppState, RateLimiters, router, serve_metrics, token_digest_of};
use crate::idempotency;
use crate::live::LiveFeed;
use crate::metrics::{self, Scraped};
use crate::outbox::{Channels, Dispatcher, OutboxProjection, RetryPolicy};
use crate::projections::{Projector, rebuild};
use crate::serve::serve;
use crate::staff::{self, StaffAuth};
use crate::wiring::{self, Services};
use anyhow::Context as _;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::Notify;

/// A server that is bound and ready to serve.
pub struct Application {
    listener: TcpListener,
    address: SocketAddr,
    router: axum::Router,
    /// Ended at shutdown, so that open SSE streams let graceful shutdown finish.
    live: LiveFeed,
    /// How long a request's headers may take to arrive.
    header_timeout: std::time::Duration,
    /// Where `METRICS_ADDR` answers `GET /metrics`, when set.
    metrics_address: Option<SocketAddr>,
}

impl Application {
    /// Connects, migrates, seeds, wires the mediator and binds `config.address`
    /// (port 0 picks a free port, which tests use); staff settings come from the
    /// environment ([`StaffConfig::from_env`]).
    pub async fn build(config: Config) -> anyhow::Result<Self> {
        let staff = StaffConfig::from_env().context("reading staff configuration")?;
        Self::build_with(config, staff).await
    }

    /// [`build`](Self::build) with the staff settings given; creates the first staff
    /// accounts when there are none.
    pub async fn build_with(config: Config, staff: StaffConfig) -> anyhow::Result<Self> {
        // First: what the projector's catch-up records below counts too.
        let metrics = metrics::prometheus();
        tokio::spawn(metrics::upkeep(metrics.clone()));
        let pool = db::connect(&config.database_url, config.database_timeout).await?;
        staff::bootstrap(&pool, staff.accounts.as_deref(), &staff.password_file)
            .await
            .context("creating the first staff accounts")?;
        let backend = Backend::of_url(&config.database_url);
        let writer = Writer::new(&pool, backend, Arc::new(Notify::new()))
            .await
            .context("opening the writer's connection")?;
        let live = LiveFeed::default();
        let clock = ShopClock::new(pool.clone(), staff.hours.defaults.clone());
        let outbox = OutboxProjection {
            publish: staff.notify.sink.is_some(),
            clock: Some(clock.clone()),
        };
        let (projector, views) = Projector::start(
            pool.clone(),
            writer.clone(),
            wiring::projections_with(outbox),
        )
        .await
        .context("starting the projector")?;
        let mut projector = projector.publishing_to(live.clone());
        // Catch up before serving: the first page must show the seeded menu, not an
        // empty view (which the menu cache would then keep for its TTL).
        projector
            .catch_up()
            .await
            .context("bringing the read models up to date")?;
        tokio::spawn(projector.run());
        if backend == Backend::Sqlite {
            tokio::spawn(db::checkpoint_wal(pool.clone(), writer.clone()));
        }
        tokio::spawn(idempotency::purge_every_hour(writer.clone()));
        let dispatcher = Dispatcher {
            pool: pool.clone(),
            writer: writer.clone(),
            channels: Channels::new(staff.notify.clone()).context("opening the channels")?,
            retry: RetryPolicy::default(),
            views: views.clone(),
        };
        tokio::spawn(dispatcher.run());
        let scraped = Scraped {
            pool: pool.clone(),
            writer: writer.clone(),
        };
        let auth = StaffAuth::new(pool.clone(), writer.clone(), staff.session_ttl);
        let readiness = Readiness::new(
            pool.clone(),
            backend,
            views.clone(),
            staff.http.ready_max_lag,
        );
        let services = Services {
            pool,
            backend,
            kitchen_capacity: staff.kitchen_capacity,
            kitchen_max_wait_minutes: staff.kitchen_max_wait_minutes,
            order_limits: staff.order_limits.clone(),
            writer,
            views,
            payments: staff.payment_gateway.gateway(),
            clock,
        };
        let mediator =
            wiring::build_mediator_with(&services, &live).context("wiring the mediator")?;
        let listener = TcpListener::bind(config.address)
            .await
            .with_context(|| format!("binding {}", config.address))?;
        let address = listener.local_addr().context("reading the bound address")?;
        let rate_limits = Arc::new(RateLimiters::new(&staff.http.rate_limits));
        tokio::spawn(forget_idle_clients(Arc::downgrade(&rate_limits)));
        let state = AppState {
            mediator,
            metrics,
            scraped,
            readiness,
            auth,
            https: staff.https(),
            metrics_token: staff.http.metrics_token.as_deref().map(token_digest_of),
            read_timeout: staff.http.header_timeout,
            rate_limits: rate_limits.clone(),
            trusted_proxies: staff.http.trusted_proxies.into(),
            leptos_options: config.leptos_options(address),
        };
        let metrics_address = match staff.http.metrics_addr {
            Some(address) => Some(serve_metrics(address, state.clone()).await?),
            None => None,
        };
        Ok(Self {
            listener,
            address,
            metrics_address,
            router: router(state),
            live,
            header_timeout: staff.http.header_timeout,
        })
    }

    /// Empties every read model and replays the whole event log into them; run with the
    /// server stopped. Returns the last position applied.
    pub async fn rebuild_projections(config: &Config) -> anyhow::Result<i64> {
        let pool = db::connect(&config.database_url, config.database_timeout).await?;
        let backend = Backend::of_url(&config.database_url);
        rebuild(&pool, backend, wiring::projections())
            .await
            .context("rebuilding the read models")
    }

    /// The address actually bound.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The address `METRICS_ADDR` bound, when set.
    pub fn metrics_address(&self) -> Option<SocketAddr> {
        self.metrics_address
    }

    /// Serves until Ctrl-C or SIGTERM, finishing requests in flight.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        self.run_until(shutdown_signal()).await
    }

    /// Serves until `signal` completes, then stops accepting connections, ends the open
    /// event streams (they would otherwise never finish) and waits for the requests in
    /// flight.
    pub async fn run_until(
        self,
        signal: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let live = self.live;
        let shutdown = async move {
            signal.await;
            live.close();
        };
        serve(self.listener, self.router, self.header_timeout, shutdown).await;
        Ok(())
    }
}

/// Every minute, drops the rate limiters' idle clients; ends with the server.
async fn forget_idle_clients(limiters: std::sync::Weak<RateLimiters>) {
    let mut every_minute = tokio::time::interval(std::time::Duration::from_secs(60));
    loop {
        every_minute.tick().await;
        match limiters.upgrade() {
            Some(limiters) => limiters.forget_idle(),
            None => return,
        }
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
