//! [`SignInLimiter`]: refuses sign-ins for a username after too many recent failures.
//! In memory, per process: a restart forgets failures, and several server processes
//! would each allow the limit. Enough for one pizzeria's server; a shared table would
//! lift both limits.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures allowed within the window before sign-ins are refused.
pub(crate) const MAX_FAILURES: usize = 5;
/// How long a failure counts.
pub(crate) const WINDOW: Duration = Duration::from_secs(15 * 60);

/// Recent sign-in failures by username.
#[derive(Debug, Default)]
pub(crate) struct SignInLimiter {
    // A std mutex: it is held for a few map operations, never across an `.await`.
    failures: Mutex<HashMap<String, Vec<Instant>>>,
}

impl SignInLimiter {
    /// `Err(seconds to wait)` when `username` failed [`MAX_FAILURES`] times in the window.
    pub(crate) fn check(&self, username: &str) -> Result<(), u32> {
        let now = Instant::now();
        let mut failures = self.lock();
        failures.retain(|_, times| {
            times.retain(|time| now.duration_since(*time) < WINDOW);
            !times.is_empty()
        });
        match failures.get(username) {
            Some(times) if times.len() >= MAX_FAILURES => {
                let oldest = times.iter().min().copied().unwrap_or(now);
                let wait = WINDOW.saturating_sub(now.duration_since(oldest));
                Err(u32::try_from(wait.as_secs().max(1)).unwrap_or(u32::MAX))
            }
            _ => Ok(()),
        }
    }

    /// Counts one failed sign-in of `username`.
    pub(crate) fn failed(&self, username: &str) {
        let mut failures = self.lock();
        failures
            .entry(username.to_owned())
            .or_default()
            .push(Instant::now());
    }

    /// Forgets `username`'s failures after it signed in.
    pub(crate) fn succeeded(&self, username: &str) {
        self.lock().remove(username);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Vec<Instant>>> {
        self.failures
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sixth_attempt_after_five_failures_is_refused_until_the_window_passes() {
        let limiter = SignInLimiter::default();
        for _ in 0..MAX_FAILURES {
            assert_eq!(limiter.check("ann"), Ok(()));
            limiter.failed("ann");
        }
        let wait = limiter.check("ann").unwrap_err();
        assert!(wait > 0 && u64::from(wait) <= WINDOW.as_secs(), "{wait}");
        assert_eq!(limiter.check("bob"), Ok(()));
        limiter.succeeded("ann");
        assert_eq!(limiter.check("ann"), Ok(()));
    }
}
