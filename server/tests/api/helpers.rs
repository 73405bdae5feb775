//! Test harness: `spawn_app()` starts a server on a free port with its own database:
//! a temporary SQLite file, or a new database on the PostgreSQL server that
//! `TEST_DATABASE_URL` names (`postgres://postgres@127.0.0.1:5432/postgres`).

use reqwest::{Client, Response};
use serde_json::{Value, json};
use server::{
    Application, Config, DEFAULT_DATABASE_TIMEOUT, HoursConfig, HttpConfig, RateLimits, StaffConfig,
};
use tempfile::TempDir;

/// A running server and what a test needs to talk to it.
pub struct TestApp {
    pub address: String,
    pub client: Client,
    // Held so the SQLite folder lives as long as the server. PostgreSQL databases are
    // left behind: the cluster they live in is thrown away after the run.
    _data: Option<TempDir>,
}

/// The staff accounts every test server starts with; each password is `<name>-pass`.
pub const STAFF_ACCOUNTS: &str =
    "chef:chef:chef-pass;driver:driver:driver-pass;manager:manager:manager-pass";

/// The bearer token that may read `/metrics` on a test server.
pub const METRICS_TOKEN: &str = "metrics-test-token";

/// Starts a server with an empty, freshly migrated and seeded database and the staff
/// of [`STAFF_ACCOUNTS`].
pub async fn spawn_app() -> TestApp {
    spawn_app_with(staff_config()).await
}

/// The staff settings of [`spawn_app`]: its accounts, default capacity and sessions.
pub fn staff_config() -> StaffConfig {
    StaffConfig {
        accounts: Some(STAFF_ACCOUNTS.into()),
        http: HttpConfig {
            metrics_token: Some(METRICS_TOKEN.into()),
            // Tests place orders and sign in far faster than a person; `rate_limits.rs`
            // sets limits of its own.
            rate_limits: RateLimits::exempting_everyone(),
            ..HttpConfig::default()
        },
        // Tests run at any hour; `hours.rs` sets hours of its own.
        hours: HoursConfig::always_open(),
        kitchen_max_wait_minutes: None,
        ..StaffConfig::default()
    }
}

/// [`spawn_app`] with other staff settings.
pub async fn spawn_app_with(staff: StaffConfig) -> TestApp {
    spawn_app_on_site("target/site", staff).await
}

/// [`spawn_app`] serving the built files of `site_root` (its `pkg` folder).
pub async fn spawn_app_on_site(site_root: &str, staff: StaffConfig) -> TestApp {
    let (database_url, data) = fresh_database().await;
    let config = Config {
        database_url,
        address: "127.0.0.1:0".parse().unwrap(),
        site_root: site_root.into(),
        database_timeout: DEFAULT_DATABASE_TIMEOUT,
    };
    let app = Application::build_with(config, staff)
        .await
        .expect("the server starts");
    let address = format!("http://{}", app.address());
    tokio::spawn(app.run_until_stopped());
    TestApp {
        address,
        client: client(),
        _data: data,
    }
}

/// How long a test waits for one answer before failing: far above any honest answer
/// (the slowest, a bounded read-your-write wait, is a few seconds), far below CI's limit,
/// so a request that hangs fails its test by name instead of stalling the whole run.
pub const ANSWER_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// A client builder whose requests fail after [`ANSWER_TIMEOUT`]; every test client
/// starts here.
pub fn client_builder() -> reqwest::ClientBuilder {
    Client::builder().timeout(ANSWER_TIMEOUT)
}

/// A plain test client (see [`client_builder`]).
pub fn client() -> Client {
    client_builder().build().expect("a client")
}

/// The URL of a database no other test uses, still empty (the server migrates it), and
/// the folder to hold on to while it is in use when it is an SQLite file.
pub async fn fresh_database() -> (String, Option<TempDir>) {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(server) if !server.is_empty() => (postgres_test_database(&server).await, None),
        _ => {
            let data = tempfile::tempdir().expect("a temporary folder");
            let url = format!("sqlite://{}/test.db", data.path().display());
            (url, Some(data))
        }
    }
}

impl TestApp {
    /// Signs in as `username` (password `<username>-pass`) and returns the session's
    /// `name=value` cookie pair.
    pub async fn session_of(&self, username: &str) -> String {
        let body = json!({"username": username, "password": format!("{username}-pass")});
        let response = self.post_json("/api/auth/login", &body).await;
        assert_eq!(response.status(), 200, "signing in as {username}");
        session_cookie(&response).expect("a session cookie")
    }

    /// Signs in as `username`: every later request of this app's client carries the
    /// session cookie.
    pub async fn sign_in(&mut self, username: &str) {
        let cookie = self.session_of(username).await;
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(reqwest::header::COOKIE, cookie.parse().unwrap());
        self.client = client_builder()
            .default_headers(headers)
            .build()
            .expect("a client");
    }

    /// `/metrics` as a scraper with [`METRICS_TOKEN`] reads it.
    pub async fn metrics(&self) -> Response {
        self.client
            .get(format!("{}/metrics", self.address))
            .bearer_auth(METRICS_TOKEN)
            .send()
            .await
            .expect("request sent")
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .expect("request sent")
    }

    /// Sends `method path` with an optional JSON body, as the holder of `cookie` (a
    /// `name=value` pair from [`TestApp::session_of`]) or anonymously.
    pub async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        cookie: Option<&str>,
        body: Option<&Value>,
    ) -> Response {
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.address));
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        request.send().await.expect("request sent")
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> Response {
        self.client
            .post(format!("{}{path}", self.address))
            .json(body)
            .send()
            .await
            .expect("request sent")
    }

    pub async fn post_raw(
        &self,
        path: &str,
        content_type: &str,
        body: impl Into<reqwest::Body>,
    ) -> Response {
        self.client
            .post(format!("{}{path}", self.address))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("request sent")
    }

    /// Places `order` and returns the 201 body.
    pub async fn place(&self, order: &Value) -> Value {
        let response = self.post_json("/api/orders", order).await;
        assert_eq!(
            response.status(),
            201,
            "{}",
            response.text().await.unwrap_or_default()
        );
        response.json().await.unwrap()
    }
}

/// A valid order: one large pepperoni with an extra topping, twice, and a medium margherita.
pub fn valid_order() -> Value {
    json!({
        "customer_name": "Mario Rossi",
        "customer_phone": "+39 06 555-1234",
        "customer_address": "Via Roma 1, Napoli",
        "payment_method": "card",
        "card": {"number": "4242 4242 4242 4242", "exp_month": 12, "exp_year": 2030, "cvc": "123"},
        "pizza_items": [
            {"pizza_id": "pepperoni", "size": "large", "toppings": ["mushrooms"], "quantity": 2},
            {"pizza_id": "margherita", "size": "medium"}
        ]
    })
}

/// [`valid_order`] paid cash on delivery: its placement appends one event, `OrderPlaced`
/// (a card order's appends `PaymentCaptured` first).
pub fn cash_order() -> Value {
    let mut order = valid_order();
    order["payment_method"] = json!("cash");
    order.as_object_mut().unwrap().remove("card");
    order
}

/// Asserts a problem+json answer with `status` and returns its body.
pub async fn assert_problem(response: Response, status: u16) -> Value {
    assert_eq!(response.status(), status);
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(content_type, "application/problem+json");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], status);
    assert!(
        body["title"].as_str().is_some_and(|t| !t.is_empty()),
        "{body}"
    );
    body
}

/// The field names a problem's `errors` list.
pub fn error_fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| e["field"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The `name=value` pair of the session cookie a response sets, if any.
pub fn session_cookie(response: &Response) -> Option<String> {
    let header = response.headers().get("set-cookie")?.to_str().ok()?;
    let pair = header.split(';').next()?.trim();
    (pair.starts_with("pizzeria_session=") || pair.starts_with("__Host-pizzeria_session="))
        .then(|| pair.to_owned())
}

/// A server from [`spawn_app`] that shuts down gracefully when `stop` is sent.
pub struct StoppableApp {
    pub app: TestApp,
    pub stop: tokio::sync::oneshot::Sender<()>,
    /// The serving task: it finishes once graceful shutdown has.
    pub serving: tokio::task::JoinHandle<anyhow::Result<()>>,
}

/// Starts a server as [`spawn_app`] does, but one the test can stop.
pub async fn spawn_stoppable_app() -> StoppableApp {
    let (database_url, data) = fresh_database().await;
    spawn_stoppable_app_on(database_url, data).await
}

/// [`spawn_stoppable_app`] on a database of the test's choosing (to restart a server on
/// the same data); `data` is the SQLite folder to keep alive, if any.
pub async fn spawn_stoppable_app_on(database_url: String, data: Option<TempDir>) -> StoppableApp {
    let config = Config {
        database_url,
        address: "127.0.0.1:0".parse().unwrap(),
        site_root: "target/site".into(),
        database_timeout: DEFAULT_DATABASE_TIMEOUT,
    };
    let app = Application::build_with(config, staff_config())
        .await
        .expect("the server starts");
    let address = format!("http://{}", app.address());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let serving = tokio::spawn(app.run_until(async {
        let _ = stopped.await;
    }));
    StoppableApp {
        app: TestApp {
            address,
            client: client(),
            _data: data,
        },
        stop,
        serving,
    }
}

/// A new database on the PostgreSQL server `TEST_DATABASE_URL` names.
async fn postgres_test_database(server: &str) -> String {
    server::create_postgres_database(server)
        .await
        .expect("creating a test database on TEST_DATABASE_URL")
}
