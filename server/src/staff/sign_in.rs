//! [`StaffAuth`]: signing staff and customers in and out and finding who a session
//! cookie belongs to.
//! The HTTP side (cookies, routes) is in `http/auth.rs`; this knows nothing of HTTP.

use crate::db::{self, Writer};
use crate::metrics::OpenGauge;
use crate::staff::devices::{self, DeviceToken};
use crate::staff::hashers::Lane;
use crate::staff::limiter::SignInLimiter;
use crate::staff::{accounts, passwords, sessions};
use app::contracts::{Caller, SignedIn};
use mediator::Problem;
use sqlx::AnyPool;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Semaphore, SemaphorePermit};

/// How long a sign-in waits for a turn at the password check before answering 503.
const HASH_QUEUE_WAIT: Duration = Duration::from_secs(5);

pub(crate) use sessions::SessionToken;

/// Sign-in, sign-out and session lookup over the staff tables.
#[derive(Clone)]
pub(crate) struct StaffAuth {
    pool: AnyPool,
    /// Sessions are opened and closed through the one writer, like every write.
    writer: Writer,
    /// How long a session lasts.
    pub session_ttl: Duration,
    limiter: Arc<SignInLimiter>,
    /// Password checks that may run at once: each takes ~19 MiB and a core for a moment,
    /// so a flood of sign-ins queues here instead of exhausting memory.
    hashing: Arc<Semaphore>,
    /// The same for sign-ins from a known device, in their own lane: one at a time.
    known_device_hashing: Arc<Semaphore>,
}

/// A sign-in that succeeded: who signed in, their new session, and, when the device was
/// not known for the account yet, the device token to give it.
pub(crate) struct SignedInWith {
    pub user: SignedIn,
    pub session: SessionToken,
    pub new_device: Option<DeviceToken>,
}

impl StaffAuth {
    pub(crate) fn new(pool: AnyPool, writer: Writer, session_ttl: Duration) -> Self {
        Self {
            pool,
            writer,
            session_ttl,
            limiter: Arc::default(),
            hashing: Arc::new(Semaphore::new(Lane::Shared.threads())),
            known_device_hashing: Arc::new(Semaphore::new(Lane::KnownDevice.threads())),
        }
    }

    /// Opens a session when the password is right. Wrong credentials answer 401, the
    /// same for an unknown name and a wrong password; a client that failed too often
    /// answers 429 (`limiter.rs`); a password check that cannot start within 5 s, 503.
    /// A `device` token this account gave before puts the check in the known devices'
    /// lane (`devices.rs`); any other device is given a new token on success.
    #[tracing::instrument(skip_all, fields(username = %username, client = %client))]
    pub(crate) async fn sign_in(
        &self,
        client: IpAddr,
        username: &str,
        password: String,
        device: Option<&str>,
    ) -> Result<SignedInWith, Problem> {
        if let Err(wait) = self.limiter.begin(client, username) {
            tracing::warn!("sign-in refused after repeated failures");
            return Err(Problem::too_many_requests(
                "Too many failed sign-ins; wait a while before trying again.",
                wait,
            ));
        }
        let known = match device {
            Some(token) => devices::is_known(&self.pool, token, username)
                .await
                .map_err(|error| hidden(error.into()))?,
            None => false,
        };
        let lane = if known {
            Lane::KnownDevice
        } else {
            Lane::Shared
        };
        let turn = self.hashing_turn(lane).await?;
        let user = accounts::check_password(&self.pool, username, password, lane)
            .await
            .map_err(hidden)?;
        drop(turn);
        let Some(user) = user else {
            return Err(Problem::unauthorized("The username or password is wrong."));
        };
        self.limiter.succeeded(client, username);
        let session = self.open_session(&user).await?;
        let new_device = if known {
            None
        } else {
            Some(
                devices::remember(&self.writer, &user.username)
                    .await
                    .map_err(hidden)?,
            )
        };
        tracing::info!(role = ?user.role, known_device = known, "signed in");
        Ok(SignedInWith {
            user,
            session,
            new_device,
        })
    }

    /// Hashes the password of an account being created, on the hasher threads and
    /// behind the same cap as sign-ins.
    pub(crate) async fn hash_new_password(&self, password: String) -> Result<String, Problem> {
        let _turn = self.hashing_turn(Lane::Shared).await?;
        passwords::hash(password).await.map_err(hidden)
    }

    /// A turn at `lane`'s password hashers; 503 when none comes within 5 s.
    async fn hashing_turn(&self, lane: Lane) -> Result<SemaphorePermit<'_>, Problem> {
        let hashers = match lane {
            Lane::Shared => &self.hashing,
            Lane::KnownDevice => &self.known_device_hashing,
        };
        let waiting = OpenGauge::new("sign_in_hash_queue");
        let turn = tokio::time::timeout(HASH_QUEUE_WAIT, hashers.acquire()).await;
        drop(waiting);
        match turn {
            Ok(Ok(turn)) => Ok(turn),
            _ => {
                tracing::warn!("refused: password checks are all busy");
                Err(Problem::unavailable(
                    "Signing in is busy right now; try again in a moment.",
                    Some(1),
                ))
            }
        }
    }

    /// Opens a session for `user` without a password: for an account just created.
    pub(crate) async fn open_session(&self, user: &SignedIn) -> Result<SessionToken, Problem> {
        sessions::open(&self.writer, &user.username, user.role, self.session_ttl)
            .await
            .map_err(hidden)
    }

    /// Ends the session `token` opens.
    pub(crate) async fn sign_out(&self, token: &str) -> Result<(), Problem> {
        sessions::close(&self.writer, token)
            .await
            .map_err(|error| hidden(error.into()))?;
        Ok(())
    }

    /// Who sends a request carrying `token`; anonymous when it opens no live session.
    pub(crate) async fn caller(&self, token: Option<&str>) -> Result<Caller, Problem> {
        let Some(token) = token else {
            return Ok(Caller::Anonymous);
        };
        sessions::resolve(&self.pool, token)
            .await
            .map_err(|error| hidden(error.into()))
    }
}

/// A 500 whose cause is logged here, once: these problems do not pass through the
/// mediator's `Tracing` behavior, which logs the others. A database that cannot be
/// reached is a 503 with `Retry-After` instead.
fn hidden(error: anyhow::Error) -> Problem {
    if db::chain_is_unreachable(&error) {
        return db::database_unavailable(&format!("{error:#}"));
    }
    tracing::error!(error = format!("{error:#}"), "sign-in failed");
    Problem::internal(error.into_boxed_dyn_error())
}
