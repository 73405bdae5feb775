//! [`SignInLimiter`]: slows down password guessing without letting anyone lock a staff
//! member out.
//!
//! Attempts are counted per (client address, username) and per client address across
//! usernames, never per username alone: a stranger hammering the manager's account slows
//! down only themselves, and the manager signs in from their own address as usual. Past a
//! few free failures each further attempt must wait twice as long as the one before
//! (1 s, 2 s, 4 s, ... up to [`WINDOW`]); a quiet [`WINDOW`] forgets them.
//!
//! An attempt is counted when it starts, before the slow password check, so guesses sent
//! all at once are refused as if they came one after another. Each map holds at most
//! [`MAX_TRACKED`] keys, the least recently seen going first. In memory, per process: a
//! restart forgets, and several processes would each allow the limit.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures one client may make on one username before backing off.
pub(crate) const FREE_PER_ACCOUNT: u32 = 5;
/// Failures one client may make across all usernames before backing off.
pub(crate) const FREE_PER_CLIENT: u32 = 20;
/// How long failures are remembered after the last attempt, and the longest back-off.
pub(crate) const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Keys each map holds at most.
pub(crate) const MAX_TRACKED: usize = 10_000;

/// Recent sign-in attempts that have not succeeded (yet).
#[derive(Debug, Default)]
pub(crate) struct SignInLimiter {
    // A std mutex: it is held for a few map operations, never across an `.await`.
    tallies: Mutex<Tallies>,
}

#[derive(Debug, Default)]
struct Tallies {
    by_account: HashMap<(IpAddr, String), Tally>,
    by_client: HashMap<IpAddr, Tally>,
}

/// Failures of one key and when the last attempt started.
#[derive(Debug, Clone, Copy)]
struct Tally {
    failures: u32,
    last: Instant,
}

impl Tally {
    /// How long an attempt made `now` must still wait; zero when it may go ahead.
    fn wait(self, free: u32, now: Instant) -> Duration {
        let since = now.saturating_duration_since(self.last);
        if self.failures < free || since >= WINDOW {
            return Duration::ZERO;
        }
        backoff(self.failures - free).saturating_sub(since)
    }
}

/// The wait after `extra` failures beyond the free ones: 1 s, doubling, at most [`WINDOW`].
fn backoff(extra: u32) -> Duration {
    Duration::from_secs(1u64.checked_shl(extra).unwrap_or(u64::MAX)).min(WINDOW)
}

impl SignInLimiter {
    /// Starts an attempt by `client` on `username`, counting it as a failure until
    /// [`succeeded`](Self::succeeded) says otherwise; `Err(seconds to wait)` when it must
    /// wait first (and then it is not counted).
    pub(crate) fn begin(&self, client: IpAddr, username: &str) -> Result<(), u32> {
        let now = Instant::now();
        let mut tallies = self.lock();
        let account_key = (client, username.to_owned());
        let wait = [
            tallies
                .by_account
                .get(&account_key)
                .map(|tally| tally.wait(FREE_PER_ACCOUNT, now)),
            tallies
                .by_client
                .get(&client)
                .map(|tally| tally.wait(FREE_PER_CLIENT, now)),
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or_default();
        if !wait.is_zero() {
            return Err(whole_seconds(wait));
        }
        count(&mut tallies.by_account, account_key, now);
        count(&mut tallies.by_client, client, now);
        Ok(())
    }

    /// `client` signed in as `username`: their failures on it are forgotten, and the
    /// attempt no longer counts against the client.
    pub(crate) fn succeeded(&self, client: IpAddr, username: &str) {
        let mut tallies = self.lock();
        tallies.by_account.remove(&(client, username.to_owned()));
        if let Some(tally) = tallies.by_client.get_mut(&client) {
            tally.failures = tally.failures.saturating_sub(1);
        }
    }

    /// How many keys the two maps hold (for tests of the bound).
    #[cfg(test)]
    fn tracked(&self) -> (usize, usize) {
        let tallies = self.lock();
        (tallies.by_account.len(), tallies.by_client.len())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Tallies> {
        self.tallies
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Counts one attempt on `key`, starting afresh after a quiet [`WINDOW`], and keeps the
/// map within [`MAX_TRACKED`] keys.
fn count<K: Hash + Eq + Clone>(map: &mut HashMap<K, Tally>, key: K, now: Instant) {
    if !map.contains_key(&key) && map.len() >= MAX_TRACKED {
        make_room(map, now);
    }
    let tally = map.entry(key).or_insert(Tally {
        failures: 0,
        last: now,
    });
    if now.saturating_duration_since(tally.last) >= WINDOW {
        tally.failures = 0;
    }
    tally.failures = tally.failures.saturating_add(1);
    tally.last = now;
}

/// Drops the forgotten keys; when none is, the least recently seen one.
fn make_room<K: Hash + Eq + Clone>(map: &mut HashMap<K, Tally>, now: Instant) {
    map.retain(|_, tally| now.saturating_duration_since(tally.last) < WINDOW);
    if map.len() < MAX_TRACKED {
        return;
    }
    let oldest = map
        .iter()
        .min_by_key(|(_, tally)| tally.last)
        .map(|(key, _)| key.clone());
    if let Some(oldest) = oldest {
        map.remove(&oldest);
    }
}

/// A wait in whole seconds, rounded up, at least 1 (a `Retry-After` value).
pub(crate) fn whole_seconds(wait: Duration) -> u32 {
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    u32::try_from(seconds.max(1)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    fn client(last: u8) -> IpAddr {
        IpAddr::V4(Ipv4Addr::new(127, 0, 0, last))
    }

    #[test]
    fn past_the_free_failures_one_client_waits_and_another_does_not() {
        let limiter = SignInLimiter::default();
        for _ in 0..FREE_PER_ACCOUNT {
            assert_eq!(limiter.begin(client(2), "ann"), Ok(()));
        }
        assert_eq!(limiter.begin(client(2), "ann"), Err(1));
        assert_eq!(limiter.begin(client(3), "ann"), Ok(()), "another address");
        assert_eq!(limiter.begin(client(2), "bob"), Ok(()), "another account");
        limiter.succeeded(client(2), "ann");
        assert_eq!(
            limiter.begin(client(2), "ann"),
            Ok(()),
            "forgotten on success"
        );
    }

    #[test]
    fn the_back_off_doubles_and_stops_at_the_window() {
        assert_eq!(backoff(0), Duration::from_secs(1));
        assert_eq!(backoff(3), Duration::from_secs(8));
        assert_eq!(backoff(20), WINDOW);
        assert_eq!(backoff(200), WINDOW);
        let now = Instant::now();
        let tally = Tally {
            failures: FREE_PER_ACCOUNT + 2,
            last: now,
        };
        assert_eq!(tally.wait(FREE_PER_ACCOUNT, now), Duration::from_secs(4));
        let later = now + Duration::from_secs(3);
        assert_eq!(tally.wait(FREE_PER_ACCOUNT, later), Duration::from_secs(1));
        assert_eq!(tally.wait(FREE_PER_ACCOUNT, now + WINDOW), Duration::ZERO);
    }

    #[test]
    fn one_client_guessing_across_accounts_backs_off_too() {
        let limiter = SignInLimiter::default();
        for n in 0..FREE_PER_CLIENT {
            assert_eq!(limiter.begin(client(4), &format!("user{n}")), Ok(()));
        }
        assert_eq!(limiter.begin(client(4), "someone-new"), Err(1));
        assert_eq!(limiter.begin(client(5), "someone-new"), Ok(()));
    }

    #[test]
    fn the_maps_stay_bounded_and_drop_the_least_recently_seen() {
        let limiter = SignInLimiter::default();
        for n in 0..=MAX_TRACKED {
            let address = IpAddr::V6(std::net::Ipv6Addr::from(n as u128 + 1));
            let _ = limiter.begin(address, "ann");
        }
        assert_eq!(limiter.tracked(), (MAX_TRACKED, MAX_TRACKED));
    }
}
