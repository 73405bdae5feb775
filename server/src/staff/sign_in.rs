//! [`StaffAuth`]: signing staff in and out and finding who a session cookie belongs to.
//! The HTTP side (cookies, routes) is in `http/auth.rs`; this knows nothing of HTTP.

use crate::db::Writer;
use crate::staff::limiter::SignInLimiter;
use crate::staff::{accounts, sessions};
use app::contracts::{Caller, StaffUser};
use mediator::Problem;
use sqlx::AnyPool;
use std::sync::Arc;
use std::time::Duration;

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
}

impl StaffAuth {
    pub(crate) fn new(pool: AnyPool, writer: Writer, session_ttl: Duration) -> Self {
        Self {
            pool,
            writer,
            session_ttl,
            limiter: Arc::default(),
        }
    }

    /// Opens a session when the password is right. Wrong credentials answer 401, the
    /// same for an unknown name and a wrong password; too many failures answer 429.
    #[tracing::instrument(skip_all, fields(username = %username))]
    pub(crate) async fn sign_in(
        &self,
        username: &str,
        password: String,
    ) -> Result<(StaffUser, SessionToken), Problem> {
        if let Err(wait) = self.limiter.check(username) {
            tracing::warn!("sign-in refused after repeated failures");
            return Err(Problem::too_many_requests(
                "Too many failed sign-ins; wait a while before trying again.",
                wait,
            ));
        }
        let user = accounts::check_password(&self.pool, username, password)
            .await
            .map_err(hidden)?;
        let Some(user) = user else {
            self.limiter.failed(username);
            return Err(Problem::unauthorized("The username or password is wrong."));
        };
        self.limiter.succeeded(username);
        let token = sessions::open(&self.writer, &user.username, self.session_ttl)
            .await
            .map_err(hidden)?;
        tracing::info!(role = user.role.as_str(), "staff signed in");
        Ok((user, token))
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
        let user = sessions::resolve(&self.pool, token)
            .await
            .map_err(|error| hidden(error.into()))?;
        Ok(user.map_or(Caller::Anonymous, Caller::Staff))
    }
}

/// A 500 whose cause is logged here, once: these problems do not pass through the
/// mediator's `Tracing` behavior, which logs the others.
fn hidden(error: anyhow::Error) -> Problem {
    tracing::error!(error = format!("{error:#}"), "staff sign-in failed");
    Problem::internal(error.into_boxed_dyn_error())
}
