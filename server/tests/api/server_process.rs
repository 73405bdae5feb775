//! The server binary run as a process of its own, on a port of its own: for tests that
//! kill it (crash safety) or read what only a whole process has (its one metrics
//! recorder, which the in-process test servers of this binary share).

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running server process; killed when dropped.
pub struct ServerProcess {
    child: Child,
    pub base: String,
}

impl ServerProcess {
    /// Starts the server on `database_url` and 127.0.0.1:`port`, exempt from rate
    /// limits, with one manager (`manager`, password `manager-process-pass`), and waits
    /// until it answers.
    pub async fn start(database_url: &str, port: u16) -> Self {
        Self::start_with(database_url, port, &[]).await
    }

    /// [`start`](Self::start) with more environment variables.
    pub async fn start_with(database_url: &str, port: u16, env: &[(&str, &str)]) -> Self {
        let child = Command::new(env!("CARGO_BIN_EXE_server"))
            .env("DATABASE_URL", database_url)
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
            .env("RUST_LOG", "warn")
            // Tests are one client sending as fast as it can.
            .env("RATE_LIMIT_EXEMPT", "127.0.0.1/32")
            // Tests run at any hour.
            .env("SHOP_HOURS", "00:00-24:00")
            .env("KITCHEN_MAX_WAIT_MINUTES", "0")
            // Named accounts: no generated password file is written into the source tree.
            .env("STAFF_ACCOUNTS", "manager:manager:manager-process-pass")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server binary starts");
        let server = Self {
            child,
            base: format!("http://127.0.0.1:{port}"),
        };
        server.wait_until_ready().await;
        server
    }

    async fn wait_until_ready(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Ok(response) = crate::helpers::client()
                .get(format!("{}/api/menu", self.base))
                .send()
                .await
                && response.status() == 200
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the server did not answer within 30 s");
    }

    /// SIGKILL: no graceful shutdown, no flushing, as in a power cut of the process.
    pub fn kill(mut self) {
        self.child.kill().expect("the server can be killed");
        self.child.wait().expect("the killed server is reaped");
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port free now on 127.0.0.1.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}
