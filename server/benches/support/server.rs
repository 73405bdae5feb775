//! The real server, in process, on a free port: the benches measure what a client
//! measures, HTTP and JSON included, as `server/tests/api/helpers.rs` does for the tests.

use anyhow::Context as _;
use server::{
    Application, Config, DEFAULT_DATABASE_TIMEOUT, HoursConfig, HttpConfig, RateLimits, StaffConfig,
};

/// The one member of staff of a bench server: a manager, who may read everything.
const STAFF_USER: &str = "bench";
const STAFF_PASSWORD: &str = "bench-password";

/// The server's configuration for the database at `url`, on a free port.
pub fn config(url: &str) -> Config {
    Config {
        database_url: url.to_owned(),
        address: "127.0.0.1:0".parse().expect("an address"),
        site_root: "target/site".into(),
        database_timeout: DEFAULT_DATABASE_TIMEOUT,
    }
}

/// A server running in the current tokio runtime, and a client for it. It stops with
/// the runtime.
pub struct Running {
    /// `http://127.0.0.1:<port>`.
    pub base: String,
    /// Anonymous, as customers are, until [`Running::sign_in`].
    pub client: reqwest::Client,
}

impl Running {
    /// Starts the server on the database at `url` (migrated when it is new), with the
    /// default staff settings and one manager account.
    pub async fn start(url: &str) -> anyhow::Result<Self> {
        let staff = StaffConfig {
            accounts: Some(format!("{STAFF_USER}:manager:{STAFF_PASSWORD}")),
            // A benchmark is one client sending as fast as it can.
            http: HttpConfig {
                rate_limits: RateLimits::exempting_everyone(),
                ..HttpConfig::default()
            },
            // Measured at any hour.
            hours: HoursConfig::always_open(),
            kitchen_max_wait_minutes: None,
            ..StaffConfig::default()
        };
        let app = Application::build_with(config(url), staff)
            .await
            .context("starting the server")?;
        let base = format!("http://{}", app.address());
        tokio::spawn(app.run_until_stopped());
        Ok(Self {
            base,
            client: reqwest::Client::new(),
        })
    }

    /// Signs in as the manager: every later request carries the session cookie, as the
    /// staff pages' requests do.
    pub async fn sign_in(&mut self) -> anyhow::Result<()> {
        let credentials = serde_json::json!({"username": STAFF_USER, "password": STAFF_PASSWORD});
        let response = self
            .client
            .post(format!("{}/api/auth/login", self.base))
            .json(&credentials)
            .send()
            .await?;
        anyhow::ensure!(
            response.status() == 200,
            "signing in answered {}",
            response.status()
        );
        let cookie = response
            .headers()
            .get(reqwest::header::SET_COOKIE)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split(';').next())
            .context("signing in set no cookie")?;
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(reqwest::header::COOKIE, cookie.parse()?);
        self.client = reqwest::Client::builder()
            .default_headers(headers)
            .build()?;
        Ok(())
    }

    /// `GET path`, which must answer 200; reads the whole body and returns its length
    /// (the read-model bench times this, so it does not parse).
    pub async fn get(&self, path: &str) -> anyhow::Result<usize> {
        let response = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await?;
        let status = response.status();
        let body = response.bytes().await?;
        anyhow::ensure!(status == 200, "GET {path} answered {status}");
        Ok(body.len())
    }

    /// `GET path`, which must answer 200, parsed.
    pub async fn get_json<T: serde::de::DeserializeOwned>(&self, path: &str) -> anyhow::Result<T> {
        let response = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await?;
        let status = response.status();
        anyhow::ensure!(status == 200, "GET {path} answered {status}");
        Ok(response.json().await?)
    }
}
