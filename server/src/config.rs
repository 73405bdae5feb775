//! Settings, read once from the environment at start.

pub use crate::hours::HoursConfig;
use crate::orders::OrderLimits;
pub use crate::outbox::{NotifyConfig, SmtpConfig, Webhook};
pub use crate::payments::GatewayChoice;
use crate::settings::{Environment, Settings};
use anyhow::Context as _;
use ipnet::IpNet;
use leptos::config::LeptosOptions;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

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
    /// `DATABASE_TIMEOUT_SECS`, default 3: how long a request waits for a database
    /// connection before it answers 503 (while the database is down or every connection
    /// is busy), instead of hanging.
    pub database_timeout: Duration,
}

impl Config {
    /// Reads `DATABASE_URL`, `DATABASE_TIMEOUT_SECS`, `LEPTOS_SITE_ADDR`, `LEPTOS_SITE_ROOT`
    /// and `LEPTOS_OUTPUT_NAME` from the environment.
    pub fn from_env() -> anyhow::Result<Self> {
        Self::from_settings(&Environment)
    }

    /// [`from_env`](Self::from_env) from `settings`.
    pub fn from_settings(settings: &impl Settings) -> anyhow::Result<Self> {
        let address = settings
            .var("LEPTOS_SITE_ADDR")
            .unwrap_or_else(|_| "127.0.0.1:3000".into());
        Ok(Self {
            database_url: settings
                .var("DATABASE_URL")
                .unwrap_or_else(|_| DEFAULT_DATABASE_URL.into()),
            address: address
                .parse()
                .with_context(|| format!("LEPTOS_SITE_ADDR {address:?} is not an address"))?,
            site_root: settings
                .var("LEPTOS_SITE_ROOT")
                .unwrap_or_else(|_| "target/site".into()),
            database_timeout: Duration::from_secs(settings.number_in(
                "DATABASE_TIMEOUT_SECS",
                1..=60,
                DEFAULT_DATABASE_TIMEOUT.as_secs(),
            )?),
        })
    }

    /// Leptos' own options, derived from ours; the output name matches the workspace metadata.
    ///
    /// The release build gives the built files content-hashed names and writes them to
    /// `hash.txt` beside the executable (`hash-files` in the workspace metadata); the
    /// page then names those files. A binary without that file (a test binary, a build
    /// without cargo-leptos) names the plain ones.
    pub(crate) fn leptos_options(&self, address: SocketAddr) -> LeptosOptions {
        LeptosOptions::builder()
            .output_name(std::env::var("LEPTOS_OUTPUT_NAME").unwrap_or_else(|_| "pizzeria".into()))
            .site_root(self.site_root.as_str())
            .site_addr(address)
            .hash_files(hash_file_beside_executable())
            .build()
    }
}

/// Whether cargo-leptos wrote the hashed names beside this executable.
fn hash_file_beside_executable() -> bool {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join("hash.txt")))
        .is_some_and(|file| file.is_file())
}

/// Default `DATABASE_TIMEOUT_SECS`.
pub const DEFAULT_DATABASE_TIMEOUT: Duration = Duration::from_secs(3);

/// Default `KITCHEN_CAPACITY`: orders cooking at once.
pub const DEFAULT_KITCHEN_CAPACITY: u32 = 3;
/// The longest wait an order is taken for, as in the seed.
pub const DEFAULT_KITCHEN_MAX_WAIT_MINUTES: u32 = 45;
/// Default `HTTP_HEADER_TIMEOUT_SECS`.
pub const DEFAULT_HEADER_TIMEOUT_SECS: u64 = 10;
/// Default `STAFF_PASSWORD_FILE`.
pub const DEFAULT_PASSWORD_FILE: &str = "data/manager-password";
/// Default `READY_MAX_LAG_SECS`.
pub const DEFAULT_READY_MAX_LAG_SECS: u64 = 30;

/// Default `STAFF_SESSION_HOURS`.
pub const DEFAULT_SESSION_HOURS: u64 = 12;

/// Staff and kitchen settings. Kept apart from [`Config`] so that code building a
/// `Config` by hand keeps compiling; [`Application::build`](crate::Application::build)
/// reads them from the environment, `build_with` takes them as given (tests do).
#[derive(Debug, Clone)]
pub struct StaffConfig {
    /// `STAFF_ACCOUNTS`, `name:role:password;...`: the accounts created when there are
    /// none. Unset: one manager with a random password, written to `password_file`.
    pub accounts: Option<String>,
    /// `STAFF_PASSWORD_FILE`, default `data/manager-password`: where the generated
    /// manager's password is written, readable only by the server's user.
    pub password_file: PathBuf,
    /// How long a staff session lasts; `STAFF_SESSION_HOURS`, default 12.
    pub session_ttl: Duration,
    /// Orders that may be cooking at once; `KITCHEN_CAPACITY`, default 3.
    pub kitchen_capacity: u32,
    /// The longest wait, in minutes, an order is taken for (503 beyond);
    /// `KITCHEN_MAX_WAIT_MINUTES`, default 45, `0` for any wait (`None`).
    pub kitchen_max_wait_minutes: Option<u32>,
    /// `PUBLIC_URL`: when it starts with `https`, session cookies are `Secure`.
    pub public_url: Option<String>,
    /// How the server meets the internet: timeouts, limits, proxies, `/metrics`.
    pub http: HttpConfig,
    /// `ORDER_MAX_PIZZAS` and `ORDER_MAX_TOTAL`: the largest order the shop takes.
    pub order_limits: OrderLimits,
    /// `PAYMENT_GATEWAY`, default `simulator`: where card orders are charged.
    pub payment_gateway: GatewayChoice,
    /// `NOTIFY_CHANNELS` and what they need: where the outbox's messages go.
    pub notify: NotifyConfig,
    /// `SHOP_TIMEZONE` and `SHOP_HOURS`: the opening hours until a manager sets some.
    pub hours: HoursConfig,
}

/// How the server meets the internet; part of [`StaffConfig`], read from the environment
/// with it.
#[derive(Debug, Clone)]
pub struct HttpConfig {
    /// `HTTP_HEADER_TIMEOUT_SECS`, default 10: how long a request's headers may take to
    /// arrive (and how long a keep-alive connection may sit idle) before it is closed.
    pub header_timeout: Duration,
    /// `SESSION_COOKIE_SECURE` (`true`/`false`): session cookies are `Secure` and named
    /// `__Host-...`. Default: `true` in a release build, `false` in a debug one; set it to
    /// `false` to sign in over plain http (`scripts/run` does, on localhost).
    pub secure_cookies: bool,
    /// `METRICS_TOKEN`: a bearer token that may read `/metrics` (a manager's session
    /// always may); unset, only managers may.
    pub metrics_token: Option<String>,
    /// `RATE_LIMITS` and `RATE_LIMIT_EXEMPT`: what one client may send per minute.
    pub rate_limits: RateLimits,
    /// `TRUSTED_PROXIES`, a comma list of addresses and networks (CIDR) whose
    /// `X-Forwarded-For` names the client; empty (the default): the header is ignored.
    pub trusted_proxies: Vec<IpNet>,
    /// `READY_MAX_LAG_SECS`, default 30: `/readyz` answers 503 while the read models
    /// trail the writes by more.
    pub ready_max_lag: Duration,
    /// `METRICS_ADDR`: a second address that answers `GET /metrics` to anyone who can
    /// reach it, for a scraper on an internal network; unset (the default), none.
    pub metrics_addr: Option<SocketAddr>,
}

impl Default for StaffConfig {
    fn default() -> Self {
        Self {
            accounts: None,
            password_file: PathBuf::from(DEFAULT_PASSWORD_FILE),
            session_ttl: Duration::from_secs(DEFAULT_SESSION_HOURS * 3600),
            kitchen_capacity: DEFAULT_KITCHEN_CAPACITY,
            kitchen_max_wait_minutes: Some(DEFAULT_KITCHEN_MAX_WAIT_MINUTES),
            public_url: None,
            http: HttpConfig::default(),
            order_limits: OrderLimits::default(),
            payment_gateway: GatewayChoice::default(),
            notify: NotifyConfig::default(),
            hours: HoursConfig::default(),
        }
    }
}

impl Default for HttpConfig {
    fn default() -> Self {
        Self {
            header_timeout: Duration::from_secs(DEFAULT_HEADER_TIMEOUT_SECS),
            secure_cookies: !cfg!(debug_assertions),
            metrics_token: None,
            metrics_addr: None,
            rate_limits: RateLimits::default(),
            trusted_proxies: Vec::new(),
            ready_max_lag: Duration::from_secs(DEFAULT_READY_MAX_LAG_SECS),
        }
    }
}

impl StaffConfig {
    /// Reads `STAFF_ACCOUNTS`, `STAFF_PASSWORD_FILE`, `STAFF_SESSION_HOURS`,
    /// `KITCHEN_CAPACITY`, `KITCHEN_MAX_WAIT_MINUTES`, `PUBLIC_URL`, `PAYMENT_GATEWAY`, `NOTIFY_CHANNELS` (with
    /// `NOTIFY_WEBHOOK_URL` and `NOTIFY_WEBHOOK_SECRET`), `SHOP_TIMEZONE`, `SHOP_HOURS`, the
    /// [`HttpConfig`] and the
    /// [`OrderLimits`] settings from the environment.
    pub fn from_env() -> anyhow::Result<Self> {
        Self::from_settings(&Environment)
    }

    /// [`from_env`](Self::from_env) from `settings`.
    pub fn from_settings(settings: &impl Settings) -> anyhow::Result<Self> {
        let defaults = Self::default();
        let hours =
            settings.number_in("STAFF_SESSION_HOURS", 1..=24 * 365, DEFAULT_SESSION_HOURS)?;
        let kitchen_capacity = match settings.var("KITCHEN_CAPACITY") {
            Ok(raw) => raw
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|capacity| *capacity > 0)
                .with_context(|| format!("KITCHEN_CAPACITY {raw:?} is not a positive number"))?,
            Err(_) => defaults.kitchen_capacity,
        };
        Ok(Self {
            accounts: settings
                .var("STAFF_ACCOUNTS")
                .ok()
                .filter(|v| !v.trim().is_empty()),
            password_file: settings
                .var("STAFF_PASSWORD_FILE")
                .map_or(defaults.password_file, PathBuf::from),
            session_ttl: Duration::from_secs(hours * 3600),
            kitchen_capacity,
            kitchen_max_wait_minutes: match settings.number_in(
                "KITCHEN_MAX_WAIT_MINUTES",
                0..=7 * 24 * 60,
                u64::from(DEFAULT_KITCHEN_MAX_WAIT_MINUTES),
            )? {
                0 => None,
                minutes => u32::try_from(minutes).ok(),
            },
            public_url: settings.var("PUBLIC_URL").ok(),
            http: HttpConfig::from_settings(settings)?,
            order_limits: OrderLimits::from_settings(settings)?,
            payment_gateway: match settings.var("PAYMENT_GATEWAY") {
                Ok(name) => GatewayChoice::parse(&name)?,
                Err(_) => GatewayChoice::default(),
            },
            notify: NotifyConfig::from_settings(settings)?,
            hours: HoursConfig::from_settings(settings)?,
        })
    }

    /// Whether cookies must be `Secure` whatever the request says: an https `PUBLIC_URL`,
    /// or `SESSION_COOKIE_SECURE`.
    pub(crate) fn https(&self) -> bool {
        self.http.secure_cookies
            || self
                .public_url
                .as_deref()
                .is_some_and(|url| url.starts_with("https://"))
    }
}

impl HttpConfig {
    /// Reads `HTTP_HEADER_TIMEOUT_SECS`, `SESSION_COOKIE_SECURE`, `METRICS_TOKEN`,
    /// `METRICS_ADDR`, `RATE_LIMITS`,
    /// `RATE_LIMIT_EXEMPT`, `TRUSTED_PROXIES` and `READY_MAX_LAG_SECS`.
    pub fn from_settings(settings: &impl Settings) -> anyhow::Result<Self> {
        Ok(Self {
            header_timeout: Duration::from_secs(settings.number_in(
                "HTTP_HEADER_TIMEOUT_SECS",
                1..=3600,
                DEFAULT_HEADER_TIMEOUT_SECS,
            )?),
            secure_cookies: match settings.var("SESSION_COOKIE_SECURE") {
                Ok(raw) => match raw.trim() {
                    "true" | "1" => true,
                    "false" | "0" => false,
                    _ => anyhow::bail!("SESSION_COOKIE_SECURE {raw:?} is not true or false"),
                },
                Err(_) => !cfg!(debug_assertions),
            },
            metrics_token: settings
                .var("METRICS_TOKEN")
                .ok()
                .filter(|token| !token.trim().is_empty()),
            metrics_addr: match settings.var("METRICS_ADDR") {
                Ok(raw) if !raw.trim().is_empty() => Some(
                    raw.trim()
                        .parse()
                        .with_context(|| format!("METRICS_ADDR {raw:?} is not an address"))?,
                ),
                _ => None,
            },
            rate_limits: RateLimits::from_settings(settings)?,
            trusted_proxies: parse_networks(&settings.var("TRUSTED_PROXIES").unwrap_or_default())
                .map_err(|error| anyhow::anyhow!("TRUSTED_PROXIES: {error}"))?,
            ready_max_lag: Duration::from_secs(settings.number_in(
                "READY_MAX_LAG_SECS",
                1..=86_400,
                DEFAULT_READY_MAX_LAG_SECS,
            )?),
        })
    }
}

/// Requests one client address may send per minute, by kind, and the live-update streams
/// it may hold open. Clients in `exempt` are never limited (monitoring, load tests).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateLimits {
    /// Orders placed (REST and server function).
    pub place: u32,
    /// Sign-in attempts, right or wrong (failures are limited further by the sign-in
    /// limiter).
    pub sign_in: u32,
    /// Order and history lookups: an order, its status, a phone's history, their pages;
    /// and price quotes, which say whether a promo code exists.
    pub lookup: u32,
    /// Live-update streams opened.
    pub stream: u32,
    /// Streams one client may hold open at once.
    pub streams_per_client: u32,
    /// Streams all clients together may hold open at once.
    pub streams_total: u32,
    /// `RATE_LIMIT_EXEMPT`: addresses and networks never limited.
    pub exempt: Vec<IpNet>,
}

impl Default for RateLimits {
    fn default() -> Self {
        Self {
            place: 20,
            sign_in: 20,
            lookup: 120,
            stream: 30,
            streams_per_client: 10,
            streams_total: 1000,
            exempt: Vec::new(),
        }
    }
}

impl RateLimits {
    /// The defaults with every client exempt: for tests that are not about limits.
    pub fn exempting_everyone() -> Self {
        Self {
            exempt: parse_networks("0.0.0.0/0, ::/0").unwrap_or_default(),
            ..Self::default()
        }
    }

    /// Reads `RATE_LIMITS` (`place=20,sign_in=20,lookup=120,stream=30,
    /// streams_per_client=10,streams_total=1000`, any of them, each at least 1) over the
    /// defaults, and `RATE_LIMIT_EXEMPT` (a comma list of addresses and networks).
    pub fn from_settings(settings: &impl Settings) -> anyhow::Result<Self> {
        let mut limits = Self::default();
        for entry in settings.var("RATE_LIMITS").unwrap_or_default().split(',') {
            let entry = entry.trim();
            if entry.is_empty() {
                continue;
            }
            let (name, value) = entry
                .split_once('=')
                .with_context(|| format!("RATE_LIMITS entry {entry:?} is not name=number"))?;
            let value = value
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|value| *value > 0)
                .with_context(|| {
                    format!("RATE_LIMITS {name}: {value:?} is not a positive number")
                })?;
            let slot = match name.trim() {
                "place" => &mut limits.place,
                "sign_in" => &mut limits.sign_in,
                "lookup" => &mut limits.lookup,
                "stream" => &mut limits.stream,
                "streams_per_client" => &mut limits.streams_per_client,
                "streams_total" => &mut limits.streams_total,
                other => anyhow::bail!("RATE_LIMITS has no limit named {other:?}"),
            };
            *slot = value;
        }
        limits.exempt = parse_networks(&settings.var("RATE_LIMIT_EXEMPT").unwrap_or_default())
            .map_err(|error| anyhow::anyhow!("RATE_LIMIT_EXEMPT: {error}"))?;
        Ok(limits)
    }
}

/// Parses `TRUSTED_PROXIES`: a comma list of addresses and CIDR networks.
pub(crate) fn parse_networks(list: &str) -> Result<Vec<IpNet>, String> {
    list.split(',')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(|entry| {
            entry
                .parse::<IpNet>()
                .or_else(|_| entry.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| format!("{entry:?} is not an address or a network"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trusted_proxies_are_addresses_and_networks_and_a_bad_one_is_named() {
        assert_eq!(parse_networks(" "), Ok(vec![]));
        let parsed = parse_networks("10.0.0.0/8, 192.0.2.7,::1").unwrap();
        assert_eq!(parsed.len(), 3);
        assert!(parsed[1].contains(&"192.0.2.7".parse::<IpAddr>().unwrap()));
        assert_eq!(
            parse_networks("10.0.0.0/33").unwrap_err(),
            "\"10.0.0.0/33\" is not an address or a network"
        );
    }
}
